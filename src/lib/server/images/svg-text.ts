/** Text made safe for an SVG (XML) document. */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Words laid on lines of at most `maxChars` characters (SVG has no text wrapping); a word longer
 * than a line keeps a line of its own. After `maxLines`, the last line ends with an ellipsis.
 */
export function wrapText(text: string, maxChars: number, maxLines = Infinity): string[] {
	const lines: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = lines.at(-1);
		if (last !== undefined && last.length + 1 + word.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	if (lines.length <= maxLines) return lines;
	const kept = lines.slice(0, maxLines);
	kept[maxLines - 1] = `${kept[maxLines - 1].replace(/[\s,;:.]+$/, '')}…`;
	return kept;
}
