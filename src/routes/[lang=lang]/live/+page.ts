import { LANGUAGES } from '$lib/i18n/languages';
import type { EntryGenerator } from './$types';

export const prerender = true;
export const entries: EntryGenerator = () => LANGUAGES.map((lang) => ({ lang }));
