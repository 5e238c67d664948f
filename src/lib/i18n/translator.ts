import { createI18nextTranslator, type Resources, type Translator } from './i18next-translator';
import type { Language } from './languages';
import { loadNamespaces, namespaceOf } from './locale-files';

export { createI18nextTranslator, type Translator } from './i18next-translator';
export type { Translate, TranslateOptions, Words } from './words';

// Read on the server only: pages are rendered there, and islands get their words from them.
const files = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', { import: 'default' });

export const NAMESPACES = [...new Set(Object.keys(files).map(namespaceOf))];

export function loadResources(lang: Language): Promise<Resources> {
	return loadNamespaces(files, lang);
}

const translators = new Map<Language, Promise<Translator>>();

/** A translator fixed to one language (cached per language). */
export function translatorFor(lang: Language): Promise<Translator> {
	let translator = translators.get(lang);
	if (!translator) {
		translator = loadResources(lang).then((resources) => createI18nextTranslator(lang, resources));
		translators.set(lang, translator);
	}
	return translator;
}
