import { otherLanguages, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import type { LayoutLoad } from './$types';

// No client-side app: every navigation loads a page, and only its islands run (src/lib/islands/).
export const csr = false;

export const load: LayoutLoad = async ({ params, parent }) => {
	const lang = params.lang as Language;
	const { translators } = await parent();
	// Each switch is labelled in the language it leads to ("Lire cette page en français").
	const switches = await Promise.all(otherLanguages(lang).map(async (other) => ({ lang: other, label: (await translatorFor(other))('nav.readInThisLanguage') })));
	return { lang, t: translators[lang] ?? (await translatorFor(lang)), switches };
};
