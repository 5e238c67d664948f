import type { Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import type { PageLoad } from './$types';

// The page leaves the site's layout (+page@.svelte): its language and translator are set here.
export const csr = false;

export const load: PageLoad = async ({ params, data }) => {
	const lang = params.lang as Language;
	return { ...data, lang, t: await translatorFor(lang) };
};
