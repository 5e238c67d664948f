import type { Language } from './languages';

/**
 * The strings an island speaks, translated by i18next when the page is rendered (Translator.words):
 * full key (stream, then counter.unit_one) → text, the event's facts filled in and the values known only
 * in the browser (a count, a time) left as `{{name}}`.
 */
export type Words = Readonly<Record<string, string>>;
export type TranslateOptions = Readonly<Record<string, unknown>> & { readonly count?: number };
/** What a component calls to speak: i18next on the server, an island's words in the browser. */
export type Translate = (key: string, options?: TranslateOptions) => string;

/** `[prefix, i18next's answer with returnObjects]` pairs as one flat map of full keys. */
export function flattenWords(subtrees: readonly (readonly [string, unknown])[]): Words {
	const words: Record<string, string> = {};
	const visit = (key: string, value: unknown) => {
		if (typeof value === 'string') words[key] = value;
		else if (value !== null && typeof value === 'object') for (const [name, child] of Object.entries(value)) visit(`${key}.${name}`, child);
	};
	for (const [prefix, value] of subtrees) visit(prefix, value);
	return words;
}

/** The namespace of a key written without one (`time.eventZone` is `common:time.eventZone`). */
export const DEFAULT_NAMESPACE = 'common';

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * Speaks `words` in `lang`: picks the plural form of `count` as i18next does (Intl.PluralRules, then
 * `_other`) and fills the `{{name}}`s left open. A key not in `words` goes to `missing`, whose answer
 * is shown (the key itself by default; the server's render throws instead, see Island.svelte).
 */
export function speak(lang: Language, words: Words, missing: (key: string) => string = (key) => key): Translate {
	const plurals = new Intl.PluralRules(lang);
	const withNamespace = (key: string) => (key.includes(':') ? key : `${DEFAULT_NAMESPACE}:${key}`);
	return (key, options = {}) => {
		const full = withNamespace(key);
		const text = (typeof options.count === 'number' ? (words[`${full}_${plurals.select(options.count)}`] ?? words[`${full}_other`]) : undefined) ?? words[full];
		if (text === undefined) return missing(key);
		return text.replace(PLACEHOLDER, (match, name: string) => (Object.hasOwn(options, name) ? String(options[name]) : match));
	};
}
