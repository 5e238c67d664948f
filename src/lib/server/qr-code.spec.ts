import { describe, expect, it } from 'vitest';
import { qrCodeSvg } from './qr-code';

describe('qrCodeSvg', () => {
	it('draws an SVG that scales with its viewBox', async () => {
		const svg = await qrCodeSvg('https://example.org/en/');
		expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 \d+ \d+"/);
		expect(svg).not.toMatch(/<script|style=/);
	});

	it('grows with the data it carries', async () => {
		const size = (svg: string) => Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
		expect(size(await qrCodeSvg(`https://example.org/${'x'.repeat(200)}`))).toBeGreaterThan(size(await qrCodeSvg('https://example.org/')));
	});

	it('leaves the quiet zone of 4 blank modules on every side that ISO/IEC 18004 asks for', async () => {
		const svg = await qrCodeSvg('https://example.org/en/');
		const size = Number(/viewBox="0 0 (\d+)/.exec(svg)?.[1]);
		const dark = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
		// Each row of dark modules starts with an absolute move "M<x> <y+0.5>"; runs follow as h/m.
		const rows = [...dark.matchAll(/M(\d+) (\d+)\.5([^M]*)/g)].map(([, x, y, runs]) => {
			let end = Number(x);
			for (const [, command, length] of runs.matchAll(/([hm])(\d+)/g)) end += Number(length);
			return { start: Number(x), y: Number(y), end };
		});
		expect(rows.length).toBeGreaterThan(0);
		expect(Math.min(...rows.map((row) => row.start))).toBe(4);
		expect(Math.min(...rows.map((row) => row.y))).toBe(4);
		expect(size - Math.max(...rows.map((row) => row.end))).toBe(4);
		expect(size - 1 - Math.max(...rows.map((row) => row.y))).toBe(4);
	});
});
