/** Text made safe for an SVG (XML) document. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

// Characters drawn about twice as wide as a Latin letter: CJK ideographs, kana, Hangul, full-width forms.
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA960-\uA97F\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemesOf = (text: string) => Array.from(graphemes.segment(text), ({ segment }) => segment);

/** How wide a text is drawn; by default, in characters, a wide (CJK) one counting as two. */
export type Measure = (text: string) => number;
const inCharacters: Measure = (text) => graphemesOf(text).reduce((sum, grapheme) => sum + (WIDE.test(grapheme) ? 2 : 1), 0);

/** A word cut into pieces at most `maxWidth` wide, never inside a grapheme (an accent stays on its letter). */
function pieces(word: string, maxWidth: number, measure: Measure): string[] {
	const result = [''];
	for (const grapheme of graphemesOf(word)) {
		const current = result[result.length - 1];
		if (current !== '' && measure(current + grapheme) > maxWidth) result.push(grapheme);
		else result[result.length - 1] = current + grapheme;
	}
	return result;
}

/**
 * Words laid on lines at most `maxWidth` wide (SVG has no text wrapping); a word longer than a line
 * is cut across lines. After `maxLines`, the last line ends with an ellipsis.
 */
export function wrapText(text: string, maxWidth: number, maxLines = Infinity, measure: Measure = inCharacters): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean).flatMap((word) => pieces(word, maxWidth, measure))) {
		const last = lines.at(-1);
		if (last !== undefined && measure(`${last} ${word}`) <= maxWidth) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	const room = pieces(kept[maxLines - 1], maxWidth - measure('…'), measure)[0];
	kept[maxLines - 1] = `${room.replace(/[\s,;:.]+$/, '')}…`;
	return kept;
}

/** Lines of text, one `<text>` element each, `lineHeight` apart from `firstY` down. */
export function svgLines(texts: string[], x: number, firstY: number, lineHeight: number, attributes: string): string {
	return texts.map((text, index) => `<text x="${x}" y="${firstY + index * lineHeight}" ${attributes}>${escapeXml(text)}</text>`).join('\n');
}
