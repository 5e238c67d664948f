import { describe, expect, it } from 'vitest';
import { drawingFonts, renderPng } from './render-png';
import { OG_HEIGHT, OG_WIDTH, pledgeCardSvg, shareCardSvg } from './og-image';

// A card of the test's own: the drawing is tested, not the event's words (the pages' tests read those).
const card = {
	kind: 'Sample kind',
	title: 'A sample title',
	subtitle: 'A subtitle <with> markup & more',
	date: 'Some day',
	time: 'some hours',
	place: 'Some place, Room 0',
	hashtags: ['TagOne', 'TagTwo']
};

describe('Open Graph card', () => {
	it('carries the event text, escaped', () => {
		const svg = shareCardSvg(card);
		expect(svg).toContain(card.title);
		expect(svg).toContain('&#60;with&#62; markup &#38; more');
		expect(svg).toContain(`${card.date} · ${card.time}`);
		expect(svg).toContain(card.hashtags.map((tag) => `#${tag}`).join('  '));
	});

	it('renders as a 1200×630 PNG', async () => {
		const png = await renderPng(shareCardSvg(card), OG_WIDTH);
		const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
		expect([...png.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe('PNG');
		expect([view.getUint32(16), view.getUint32(20)]).toEqual([OG_WIDTH, OG_HEIGHT]);
	});
});

describe('a pledge’s card', () => {
	const pledge = {
		// Sample words of the test's own, as for the share card: the drawing is tested here.
		kind: 'Sample kind · of a pledge',
		site: 'A sample site',
		hashtags: ['TagOne', 'TagTwo'],
		country: 'Uganda'
	};
	const size = (png: Uint8Array) => {
		const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
		return [view.getUint32(16), view.getUint32(20)];
	};

	it('carries the title, government and country, escaped', async () => {
		const svg = pledgeCardSvg({ ...pledge, title: 'Homes < 30 minutes & "warm"', government: 'Ville de Montréal' }, await drawingFonts());
		expect(svg).toContain('Homes &#60; 30 minutes &#38; &#34;warm&#34;');
		expect(svg).toContain('Ville de Montréal');
		expect(svg).toContain('Uganda');
	});

	it('ends a 300-character title with an ellipsis after four lines', async () => {
		const svg = pledgeCardSvg({ ...pledge, title: 'word '.repeat(60).trim(), government: 'City' }, await drawingFonts());
		expect(svg.match(/font-size="54"/g)).toHaveLength(4);
		expect(svg).toContain('…</text>');
	});

	it('wraps capitals sooner than small letters: lines fit the card at the font’s real widths', async () => {
		const fonts = await drawingFonts();
		const lineCount = (title: string) => pledgeCardSvg({ ...pledge, title, government: 'City' }, fonts).match(/font-size="54"/g)?.length;
		expect(lineCount('WWWW MMMM WWWW MMMM WWWW MMMM')).toBeGreaterThan(lineCount('iiii llll iiii llll iiii llll')!);
		expect(fonts.bold.width('WWWW', 54)).toBeGreaterThan(fonts.bold.width('iiii', 54) * 2);
		const svg = pledgeCardSvg({ ...pledge, title: 'PLAN MUNICIPAL D’ACCUEIL ET D’INCLUSION DES MIGRANTS ET DES RÉFUGIÉS 2022–2030', government: 'City' }, fonts);
		const titleLines = [...svg.matchAll(/<text [^>]*font-size="54"[^>]*>([^<]*)<\/text>/g)].map(([, line]) => line.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code))));
		expect(titleLines.length).toBeGreaterThan(1);
		for (const line of titleLines) expect(fonts.bold.width(line, 54)).toBeLessThanOrEqual(OG_WIDTH - 2 * 72);
	});

	it.each([
		['accents', 'Accueil des réfugiés à Montréal : cours de français, logement, santé', 'Ville de Montréal'],
		['right-to-left', 'دروس اللغة العربية للقادمين الجدد في قاعة المدينة', 'أمانة عمّان الكبرى'],
		['CJK, one long word', '移民と難民のための地域行動計画'.repeat(10), '東京都'],
		['emoji and combining marks', '🏠🏠🏠 Re\u0301fugie\u0301s '.repeat(12), 'Città di Palermo 🇮🇹']
	])('renders %s as a 1200×630 PNG', async (_name, title, government) => {
		const png = await renderPng(pledgeCardSvg({ ...pledge, title, government }, await drawingFonts()), OG_WIDTH);
		expect(size(png)).toEqual([OG_WIDTH, OG_HEIGHT]);
	});
});
