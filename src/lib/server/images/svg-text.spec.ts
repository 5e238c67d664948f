import { describe, expect, it } from 'vitest';
import { escapeXml, wrapText } from './svg-text';

describe('SVG text', () => {
	it('escapes markup characters', () => {
		expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;Tom &#38; Jerry&#39;s&#60;/a&#62;');
	});

	it('wraps words onto lines no longer than the limit', () => {
		const sentence = 'a sample sentence of many short words, long enough to need three lines or more';
		const lines = wrapText(sentence, 30);
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
		expect(lines.join(' ')).toBe(sentence);
	});

	it('cuts an over-long word across lines', () => {
		expect(wrapText('a supercalifragilistic b', 8)).toEqual(['a', 'supercal', 'ifragili', 'stic b']);
	});

	it('counts a CJK character as two and never cuts inside a grapheme', () => {
		expect(wrapText('移民と難民のための地域行動', 8)).toEqual(['移民と難', '民のため', 'の地域行', '動']);
		const accented = 'Re\u0301fugie\u0301s'.repeat(3);
		for (const line of wrapText(accented, 5)) expect(line.normalize('NFC').startsWith('\u0301')).toBe(false);
	});

	it('ends with an ellipsis when lines run out', () => {
		expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
		expect(wrapText('abcdefghij klm', 5, 1)).toEqual(['abcd…']);
	});
});
