/**
 * How wide a font draws text, read from a TrueType file's own tables (head, hhea, hmtx and the
 * Unicode BMP cmap): SVG cannot wrap text, so the cards wrap it themselves, to the real width.
 * Kerning is ignored (a few pixels on a line); characters the font lacks take its .notdef width,
 * which is what the renderer draws for them.
 */
export interface FontMetrics {
	/** The width of `text` at `fontSize` pixels. */
	width(text: string, fontSize: number): number;
}

function tables(view: DataView): Map<string, number> {
	const offsets = new Map<string, number>();
	for (let index = 0; index < view.getUint16(4); index++) {
		const record = 12 + index * 16;
		const tag = String.fromCharCode(...[0, 1, 2, 3].map((byte) => view.getUint8(record + byte)));
		offsets.set(tag, view.getUint32(record + 8));
	}
	return offsets;
}

/** The glyph of each BMP code point, from the cmap's format 4 subtable (Windows, Unicode BMP). */
function glyphLookup(view: DataView, cmap: number): (codePoint: number) => number {
	let subtable = -1;
	for (let index = 0; index < view.getUint16(cmap + 2); index++) {
		const record = cmap + 4 + index * 8;
		if (view.getUint16(record) === 3 && view.getUint16(record + 2) === 1) subtable = cmap + view.getUint32(record + 4);
	}
	if (subtable < 0 || view.getUint16(subtable) !== 4) throw new Error('font has no Unicode BMP cmap (format 4)');
	const segments = view.getUint16(subtable + 6) / 2;
	const ends = subtable + 14;
	const starts = ends + segments * 2 + 2;
	const deltas = starts + segments * 2;
	const rangeOffsets = deltas + segments * 2;
	return (codePoint) => {
		if (codePoint > 0xffff) return 0;
		for (let segment = 0; segment < segments; segment++) {
			if (view.getUint16(ends + segment * 2) < codePoint) continue;
			const start = view.getUint16(starts + segment * 2);
			if (start > codePoint) return 0;
			const delta = view.getUint16(deltas + segment * 2);
			const rangeOffsetAt = rangeOffsets + segment * 2;
			const rangeOffset = view.getUint16(rangeOffsetAt);
			if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
			const glyph = view.getUint16(rangeOffsetAt + rangeOffset + (codePoint - start) * 2);
			return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
		}
		return 0;
	};
}

/** The metrics of a TrueType font file. */
export function fontMetrics(font: Uint8Array): FontMetrics {
	const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
	const offsets = tables(view);
	const [head, hhea, hmtx, cmap] = ['head', 'hhea', 'hmtx', 'cmap'].map((tag) => {
		const offset = offsets.get(tag);
		if (offset === undefined) throw new Error(`font has no ${tag} table`);
		return offset;
	});
	const unitsPerEm = view.getUint16(head + 18);
	const metricCount = view.getUint16(hhea + 34);
	const glyphOf = glyphLookup(view, cmap);
	const advances = new Map<number, number>();
	const advance = (codePoint: number) => {
		let em = advances.get(codePoint);
		if (em === undefined) {
			const glyph = Math.min(glyphOf(codePoint), metricCount - 1);
			em = view.getUint16(hmtx + glyph * 4) / unitsPerEm;
			advances.set(codePoint, em);
		}
		return em;
	};
	return {
		width(text, fontSize) {
			let em = 0;
			for (const char of text) em += advance(char.codePointAt(0)!);
			return em * fontSize;
		}
	};
}
