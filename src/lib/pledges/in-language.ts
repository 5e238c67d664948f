import type { Language } from '$lib/i18n/languages';
import type { PledgeTranslation } from './types';

/** A text as a page shows it: `lang` set when it is written in another language than the page's (marked "original"). */
export interface ShownText {
	text: string;
	lang?: string;
}

/** The language a text is marked with on a page in `pageLang`: none when it is the page's or unknown. */
export function foreignLanguage(textLang: string | undefined, pageLang: Language): string | undefined {
	return textLang && textLang !== pageLang ? textLang : undefined;
}

const shown = (text: string, lang: string | undefined, pageLang: Language): ShownText => {
	const foreign = foreignLanguage(lang, pageLang);
	return foreign ? { text, lang: foreign } : { text };
};

/**
 * A pledge's title and description in the page's language: its government's version in that language
 * when there is one, else the original (marked with the language it was written in).
 */
export function pledgeInLanguage(
	pledge: { title: string; description?: string; lang?: string },
	translations: readonly PledgeTranslation[],
	pageLang: Language
): { title: ShownText; description?: ShownText } {
	// The original language is unknown for pledges the organizers recorded: a government's version still wins.
	const version = pledge.lang === pageLang ? undefined : translations.find((translation) => translation.lang === pageLang);
	const title = version ? shown(version.title, pageLang, pageLang) : shown(pledge.title, pledge.lang, pageLang);
	// A version may give the title only: the original description stands, marked.
	const description = version?.description ? shown(version.description, pageLang, pageLang) : pledge.description ? shown(pledge.description, pledge.lang, pageLang) : undefined;
	return description ? { title, description } : { title };
}
