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

describe('an organizer’s correction', () => {
	const spoken = (seq: number, id: string, text: string, second: number, hidden?: boolean): CaptionLineView => ({
		seq,
		id,
		lang: 'en',
		text,
		final: true,
		startedAt: `2022-05-18T17:00:0${second}.000Z`,
		at: '',
		...(hidden ? { hidden } : {})
	});

	it('replaces the line in its place, though it comes as the newest version', () => {
		let lines = [spoken(1, 'a', 'Helo', 1), spoken(2, 'b', 'Two', 2)];
		lines = withLine(lines, spoken(3, 'a', 'Hello', 1), 3);
		expect(lines.map((held) => held.text)).toEqual(['Hello', 'Two']);
	});

	it('takes a hidden line away, and does not bring back one it no longer holds', () => {
		const lines = [spoken(1, 'a', 'One', 1), spoken(2, 'b', 'Off the record', 2)];
		expect(withLine(lines, spoken(3, 'b', '', 2, true), 3).map((held) => held.text)).toEqual(['One']);
		expect(withLine(lines, spoken(3, 'z', '', 0, true), 3).map((held) => held.text)).toEqual(['One', 'Off the record']);
	});

	it('leaves out a corrected line older than the newest it shows', () => {
		const lines = [spoken(2, 'b', 'Two', 2), spoken(3, 'c', 'Three', 3)];
		expect(withLine(lines, spoken(4, 'a', 'One, corrected', 1), 2).map((held) => held.text)).toEqual(['Two', 'Three']);
	});
});
