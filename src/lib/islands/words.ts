import { eventVariables } from '$lib/event/words';
import type { Language } from '$lib/i18n/languages';
import { createLiteTranslator } from '$lib/i18n/lite-translator';
import { loadNamespaces } from '$lib/i18n/locale-files';
import type { Translator } from '$lib/i18n/translator';

// Only the namespaces islands speak: one lazy chunk per language and namespace.
const files = import.meta.glob<Record<string, unknown>>('/locales/*/{calendar,common,event,live,offline,share,stream}.json', { import: 'default' });

/** The browser's translator for the islands of a page in `lang`. */
export async function islandTranslator(lang: Language): Promise<Translator> {
	return createLiteTranslator(lang, await loadNamespaces(files, lang), eventVariables(lang)) as unknown as Translator;
}
