export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';
export const LANGUAGE_COOKIE = 'lang';

/** Language each language is named in, for the switch (a language names itself). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };

/** Locale tag used by Open Graph. */
export const LOCALE_TAGS: Record<Language, string> = { en: 'en_US', fr: 'fr_FR' };

/** Locale each language's dates, times and numbers are formatted in (Intl). */
export const INTL_LOCALES: Record<Language, string> = { en: 'en-US', fr: 'fr-FR' };

export function isLanguage(value: unknown): value is Language {
	return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function otherLanguage(lang: Language): Language {
	return lang === 'en' ? 'fr' : 'en';
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
		const primary = tag.split('-')[0];
		if (isLanguage(primary)) return primary;
	}
	return DEFAULT_LANGUAGE;
}

/** The same path in another language: `/en/live` → `/fr/live`. */
export function pathInLanguage(pathname: string, lang: Language): string {
	const rest = pathname.replace(/^\/(en|fr)(?=\/|$)/, '');
	return `/${lang}${rest || '/'}`;
}

/** The language a path belongs to, if any. */
export function languageOfPath(pathname: string): Language | undefined {
	const first = pathname.split('/')[1];
	return isLanguage(first) ? first : undefined;
}
