import { readdirSync, readFileSync } from 'node:fs';
import { eventVariables } from '$lib/event/words';
import { createI18nextTranslator, type Translator } from '$lib/i18n/i18next-translator';
import type { TranslateOptions } from '$lib/i18n/words';
import { LANGUAGES, type Language } from '$lib/i18n/languages';
import { loadNamespaces, type LocaleFiles } from '$lib/i18n/locale-files';

/**
 * The site's own translator for tests that run outside Vite (Playwright): what a test expects to
 * read is what the locale files say, with the event's facts filled in, never a copy of a sentence.
 */

// The locale files as import.meta.glob gives them to the site (src/lib/i18n/translator.ts), read from disk.
const root = new URL('../../locales/', import.meta.url);
const files: LocaleFiles = Object.fromEntries(
	readdirSync(root).flatMap((lang) =>
		readdirSync(new URL(`${lang}/`, root))
			.filter((name) => name.endsWith('.json'))
			.map((name) => [`/locales/${lang}/${name}`, async () => JSON.parse(readFileSync(new URL(`${lang}/${name}`, root), 'utf8'))])
	)
);

const translators = await Promise.all(LANGUAGES.map(async (lang) => [lang, await createI18nextTranslator(lang, await loadNamespaces(files, lang), eventVariables(lang))] as const));

/** `t.en('live:status.after')`: the sentence a page in that language shows. */
export const t: Record<Language, Translator> = Object.fromEntries(translators);

/** `text` as a regular expression that matches it literally (any run of spaces matches any other). */
export const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');

/** A regular expression that matches `text` and nothing more (any run of spaces matches any other). */
export const exactly = (text: string) => new RegExp(`^${literally(text)}$`);

/**
 * A sentence as a regular expression in which each variable matches a pattern of its own:
 * `matching(t.fr, 'stream:screen.qrLabel', { url: 'https?://.+/fr/' })` (`options`: the other variables, a count).
 */
export function matching(translate: Translator, key: string, patterns: Record<string, string>, options: TranslateOptions = {}): RegExp {
	const marks = Object.fromEntries(Object.keys(patterns).map((name) => [name, `\u0000${name}\u0000`]));
	const source = literally(translate(key, { ...options, ...marks })).replace(/\u0000(\w+)\u0000/g, (_, name: string) => `(?:${patterns[name]})`);
	return new RegExp(source);
}

/** `pattern` matching a whole text, not a part of it. */
export const whole = (pattern: RegExp) => new RegExp(`^${pattern.source}$`);

/** A sentence said of a count, whichever the count, one or many: `anyCount(t.en, 'stream:counter.unit')`. */
export const anyCount = (translate: Translator, key: string) => new RegExp(`(?:${[1, 2].map((count) => literally(translate(key, { count }))).join('|')})`);
