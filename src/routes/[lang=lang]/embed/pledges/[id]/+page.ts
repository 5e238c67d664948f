import type { Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import type { PageLoad } from './$types';

// The page leaves the site's layout (+page@.svelte) and has no script: its language and translator are set here.
export const csr = false;

export const load: PageLoad = async ({ params, data }) => ({ ...data, lang: params.lang as Language, t: await translatorFor(params.lang as Language) });
