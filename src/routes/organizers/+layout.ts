import { translatorFor } from '$lib/i18n/translator';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ data }) => ({ ...data, t: await translatorFor(data.lang) });
