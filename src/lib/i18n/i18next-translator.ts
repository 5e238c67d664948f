import type { TFunction } from 'i18next';
import type { Language } from './languages';
import { DEFAULT_NAMESPACE, flattenWords, type Translate, type Words } from './words';

/**
 * The site's translator: i18next, fixed to one language. Pages and server code call it like
 * i18next's `t`; `words(prefixes)` gives the strings an island speaks, already translated here
 * (src/lib/islands/), so the browser carries no translation library and no word files.
 */
export interface Translator extends Translate {
	readonly lang: Language;
	words(prefixes: readonly string[]): Words;
}

/** One language's word files, by namespace. */
export type Resources = Record<string, Record<string, unknown>>;

/**
 * An i18next instance per language, never a shared changeLanguage: concurrent renders cannot mix.
 * Kept apart from how the word files are found (translator.ts, through Vite), so that end-to-end
 * tests, which run outside Vite, speak through this same translator (tests/support/words.ts).
 * `variables` are the values every sentence may name (the site's: src/lib/event/translator.ts).
 */
export async function createI18nextTranslator(lang: Language, resources: Resources, variables: Readonly<Record<string, string>>): Promise<Translator> {
	const { default: i18next } = await import('i18next');
	const instance = i18next.createInstance();
	await instance.init({
		lng: lang,
		fallbackLng: false,
		ns: Object.keys(resources),
		defaultNS: DEFAULT_NAMESPACE,
		resources: { [lang]: resources },
		// Svelte escapes every interpolated value; escaping here would double it. A variable given
		// neither here nor by the caller stays `{{name}}` (i18next's skipOnVariables), for an island to fill.
		interpolation: { escapeValue: false, defaultVariables: { ...variables } },
		returnNull: false
	});
	const t: TFunction = instance.getFixedT(lang);
	const translate: Translate = (key, options) => t(key, { ...options });
	// An island's words are the same on every render in a language: translated once per list of prefixes.
	const wordsOf = new Map<string, Words>();
	const words = (prefixes: readonly string[]) => {
		const key = prefixes.join('\n');
		let found = wordsOf.get(key);
		if (!found) {
			found = flattenWords(prefixes.map((prefix) => [prefix, t(prefix, { returnObjects: true })]));
			wordsOf.set(key, found);
		}
		return found;
	};
	return Object.assign(translate, { lang, words });
}
