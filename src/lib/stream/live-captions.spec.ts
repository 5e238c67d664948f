import { describe, expect, it } from 'vitest';
import { withLine, type CaptionLineView } from './live-captions';

const line = (seq: number, id: string, text: string, final = true): CaptionLineView => ({ seq, id, lang: 'en', text, final, at: '' });

describe('the captions a panel holds', () => {
	it('replaces a partial line by its next version and keeps the newest lines, oldest first', () => {
		let lines: CaptionLineView[] = [];
		for (const next of [line(1, 'a', 'One'), line(2, 'b', 'Tw', false), line(3, 'b', 'Two'), line(4, 'c', 'Three'), line(5, 'd', 'Four')]) lines = withLine(lines, next, 3);
		expect(lines.map((held) => held.text)).toEqual(['Two', 'Three', 'Four']);
	});

	it('ignores a version it has already passed (a resumed stream repeating a line)', () => {
		const lines = withLine(withLine([], line(1, 'a', 'Hello'), 3), line(2, 'a', 'Hello there'), 3);
		expect(withLine(lines, line(1, 'a', 'Hello'), 3).map((held) => held.text)).toEqual(['Hello there']);
	});
});
