/**
 * Finding pledges by their words: one folding of text, used when a pledge is written (its search
 * text is stored beside it) and on what a visitor types, so that every engine finds the same pledges.
 */

/** The longest search a visitor may send: the API refuses longer, the list page keeps this much. */
export const MAX_SEARCH_LENGTH = 200;

/**
 * Text as the search compares it: lower case, without accents or other marks, compatibility forms
 * (ligatures, no-break spaces) made plain, one kind of apostrophe, single spaces.
 * "Œuvre à Montréal" → "oeuvre a montreal".
 */
export function foldForSearch(text: string): string {
	return (
		text
			// Lower case first: some capitals (İ) lower to a letter and a mark, which the next step drops.
			.toLowerCase()
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.replace(/œ/g, 'oe')
			.replace(/æ/g, 'ae')
			.replace(/ß/g, 'ss')
			.replace(/[\u2018\u2019\u02bc]/g, "'")
			.replace(/\s+/g, ' ')
			.trim()
	);
}

/** What a pledge is found by: its government, title and description, folded, one per line. */
export function pledgeSearchText(pledge: { government: string; title: string; description?: string | null }): string {
	return [pledge.government, pledge.title, pledge.description ?? ''].map(foldForSearch).join('\n');
}

/**
 * The SQL LIKE patterns a search stands for, one per word (every word must appear): `%`, `_` and
 * `\` in them are taken literally, with `\` as the escape character. No words: no patterns.
 */
export function searchPatterns(query: string): string[] {
	const words = new Set(foldForSearch(query).split(' ').filter(Boolean));
	return [...words].map((word) => `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
}
