import { createLiteTranslator, type Resources } from '$lib/i18n/lite-translator';
import type { Language } from '$lib/i18n/languages';
import type { Translator } from '$lib/i18n/translator';

// Only the namespaces islands speak: one lazy chunk per language and namespace.
const files = import.meta.glob<Resources[string]>('/locales/*/{calendar,common,event,live,offline,share,stream}.json', { import: 'default' });

/** The browser's translator for the islands of a page in `lang`. */
export async function islandTranslator(lang: Language): Promise<Translator> {
	const entries = await Promise.all(
		Object.entries(files)
			.filter(([path]) => path.startsWith(`/locales/${lang}/`))
			.map(async ([path, load]) => [path.split('/')[3].replace(/\.json$/, ''), await load()] as const)
	);
	return createLiteTranslator(lang, Object.fromEntries(entries)) as unknown as Translator;
}
