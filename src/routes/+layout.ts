import { languageOfPath, LANGUAGES, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import type { Translator } from '$lib/i18n/translator';
import type { LayoutLoad } from './$types';

// Every page is rendered on the server (i18next runs there only); pages bring their islands.
export const csr = false;

/** Translators for the page's language, or for both on an address in no language (a 404). */
export const load: LayoutLoad = async ({ url }) => {
	const pathLanguage = languageOfPath(url.pathname);
	const languages: readonly Language[] = pathLanguage ? [pathLanguage] : LANGUAGES;
	const entries = await Promise.all(languages.map(async (lang) => [lang, await translatorFor(lang)] as const));
	return { translators: Object.fromEntries(entries) as Partial<Record<Language, Translator>> };
};
