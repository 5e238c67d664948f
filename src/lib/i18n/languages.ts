import languages from './languages.json' with { type: 'json' };

/**
 * The site's languages: src/lib/i18n/languages.json, the first one the default. A language is
 * added as data only: a line there and its folder in locales/ (every table, route and setting
 * name follows; tests/fixture-builds.test.ts builds the site with a third one to prove it).
 */
export interface LanguageFacts {
	/** BCP 47 tag, as in the URL (`/fr/`) and `<html lang>`. */
	code: string;
	/** The language named in itself, for the switch. */
	name: string;
	/** Locale its dates, times and numbers are formatted in (Intl). */
	intlLocale: string;
	/** Locale tag used by Open Graph. */
	openGraphLocale: string;
	/** How its clock writes the hour: "1:30 PM" (numeric) or "13:30" with two digits. */
	hour: 'numeric' | '2-digit';
}

const FACTS = languages as LanguageFacts[];

export type Language = string;
export const LANGUAGES: readonly Language[] = FACTS.map((language) => language.code);
export const DEFAULT_LANGUAGE: Language = LANGUAGES[0];
export const LANGUAGE_COOKIE = 'lang';

const table = <T>(pick: (language: LanguageFacts) => T): Record<Language, T> => Object.fromEntries(FACTS.map((language) => [language.code, pick(language)]));

/** Language each language is named in, for the switch (a language names itself). */
export const LANGUAGE_NAMES = table((language) => language.name);

/** Locale tag used by Open Graph. */
export const LOCALE_TAGS = table((language) => language.openGraphLocale);

/** Locale each language's dates, times and numbers are formatted in (Intl). */
export const INTL_LOCALES = table((language) => language.intlLocale);

/** A language named in a sentence of another (`in`): "anglais" in French, "French" in English (Intl's names). */
export const languageNameIn = (lang: Language, named: Language): string => new Intl.DisplayNames([INTL_LOCALES[lang]], { type: 'language' }).of(named) ?? LANGUAGE_NAMES[named];

/** How each language's clock writes the hour. */
export const HOUR_STYLES = table((language) => language.hour);

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && LANGUAGES.includes(value);
}

/** The languages a page in `lang` offers to switch to. */
export function otherLanguages(lang: Language): Language[] {
	return LANGUAGES.filter((other) => other !== lang);
}

/** Languages from an Accept-Language header, best first (q=0 excluded). */
export function parseAcceptLanguage(header: string | null | undefined): string[] {
	if (!header) return [];
	return header
		.split(',')
		.map((part, index) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
		})
		.filter((entry) => entry.tag && entry.quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index)
		.map((entry) => entry.tag);
}

/** The language for `/`: a remembered choice first, then Accept-Language, then English. */
export function negotiateLanguage(remembered: string | null | undefined, acceptLanguage: string | null | undefined): Language {
	if (isLanguage(remembered)) return remembered;
	for (const tag of parseAcceptLanguage(acceptLanguage)) {
		// The exact tag first (a site language may carry a region), then its primary language.
		const match = LANGUAGES.find((lang) => lang.toLowerCase() === tag) ?? LANGUAGES.find((lang) => lang.toLowerCase() === tag.split('-')[0]);
		if (match) return match;
	}
	return DEFAULT_LANGUAGE;
}

/** The same path in another language: `/en/live` → `/fr/live`. */
export function pathInLanguage(pathname: string, lang: Language): string {
	const first = pathname.split('/')[1];
	const rest = isLanguage(first) ? pathname.slice(first.length + 1) : pathname;
	return `/${lang}${rest || '/'}`;
}

/** The language a path belongs to, if any. */
export function languageOfPath(pathname: string): Language | undefined {
	const first = pathname.split('/')[1];
	return isLanguage(first) ? first : undefined;
}
