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
});
