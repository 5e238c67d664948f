import { describe, expect, it } from 'vitest';
import { renderPng } from './render-png';
import { OG_HEIGHT, OG_WIDTH, shareCardSvg } from './og-image';

const card = {
	kind: 'Side event',
	title: 'From Marrakech to New York',
	subtitle: 'Localizing the Global Compacts <with> a Call & more',
	date: 'Wednesday, May 18, 2022',
	time: '1:30 – 2:30 PM New York time',
	place: 'United Nations Headquarters, Room 8',
	hashtags: ['CitiesIMRF', 'Call2Action']
};

describe('Open Graph card', () => {
	it('carries the event text, escaped', () => {
		const svg = shareCardSvg(card);
		expect(svg).toContain('From Marrakech to New York');
		expect(svg).toContain('&#60;with&#62; a Call &#38; more');
		expect(svg).toContain('Wednesday, May 18, 2022 · 1:30 – 2:30 PM New York time');
		expect(svg).toContain('#CitiesIMRF  #Call2Action');
	});

	it('renders as a 1200×630 PNG', async () => {
		const png = await renderPng(shareCardSvg(card), OG_WIDTH);
		const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
		expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
		expect([view.getUint32(16), view.getUint32(20)]).toEqual([OG_WIDTH, OG_HEIGHT]);
	});
});
