import type { Resources } from './i18next-translator';
import type { Language } from './languages';
import { loadNamespaces, namespaceOf } from './locale-files';

export { createI18nextTranslator, type Translator } from './i18next-translator';
export type { Translate, TranslateOptions, Words } from './words';

// Read on the server only: pages are rendered there, and islands get their words from them.
const files = import.meta.glob<Record<string, unknown>>('/locales/*/*.json', { import: 'default' });

export const NAMESPACES = [...new Set(Object.keys(files).map(namespaceOf))];

/** One language's word files, by namespace (the site's translator with the event's variables: src/lib/event/translator.ts). */
export function loadResources(lang: Language): Promise<Resources> {
	return loadNamespaces(files, lang);
}
