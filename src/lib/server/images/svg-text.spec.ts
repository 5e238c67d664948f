import { describe, expect, it } from 'vitest';
import { escapeXml, wrapText } from './svg-text';

describe('SVG text', () => {
	it('escapes markup characters', () => {
		expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;Tom &#38; Jerry&#39;s&#60;/a&#62;');
	});

	it('wraps words onto lines no longer than the limit', () => {
		const lines = wrapText('Localizing the Global Compacts with a Call to Local Action for Migrants and Refugees', 30);
		expect(lines.length).toBeGreaterThan(2);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(30);
		expect(lines.join(' ')).toBe('Localizing the Global Compacts with a Call to Local Action for Migrants and Refugees');
	});

	it('keeps an over-long word whole on its own line', () => {
		expect(wrapText('a supercalifragilistic b', 5)).toEqual(['a', 'supercalifragilistic', 'b']);
	});

	it('ends with an ellipsis when lines run out', () => {
		expect(wrapText('one two three four five six', 9, 2)).toEqual(['one two', 'three…']);
	});
});
