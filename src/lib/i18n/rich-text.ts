/**
 * The little markup our own locale strings may carry: `**strong**` and `[text](linkKey)`, where
 * linkKey names a link in the event data. Parsed into tokens that components render as elements,
 * so no string ever reaches the page as HTML.
 */
export type RichToken =
	| { kind: 'text'; text: string }
	| { kind: 'strong'; text: string }
	| { kind: 'link'; text: string; link: string };

const pattern = /\*\*(.+?)\*\*|\[(.+?)\]\(([A-Za-z0-9_-]+)\)/g;

export function parseRichText(source: string): RichToken[] {
	const tokens: RichToken[] = [];
	let last = 0;
	for (const match of source.matchAll(pattern)) {
		const index = match.index ?? 0;
		if (index > last) tokens.push({ kind: 'text', text: source.slice(last, index) });
		if (match[1] !== undefined) tokens.push({ kind: 'strong', text: match[1] });
		else tokens.push({ kind: 'link', text: match[2], link: match[3] });
		last = index + match[0].length;
	}
	if (last < source.length) tokens.push({ kind: 'text', text: source.slice(last) });
	return tokens;
}
