import { describe, expect, it } from 'vitest';
import { LEGEND, pledgeMap, stepOf } from './pledge-map';
import { worldGeometry } from './world-geometry';

const counted = (counts: Record<string, number>) => Object.entries(counts).map(([country, count]) => ({ country, count }));

describe('pledgeMap', () => {
	const world = worldGeometry();
	const shapeOf = (code: string) => world.countries.find((shape) => shape.code === code)!;

	it('colours each country with pledges by its count and draws the others as land', () => {
		const map = pledgeMap(counted({ BR: 12, FR: 3, UG: 1 }), 'en');
		expect(map.countries.map(({ code, name, count, step }) => ({ code, name, count, step })).sort((a, b) => a.code.localeCompare(b.code))).toEqual([
			{ code: 'BR', name: 'Brazil', count: 12, step: 4 },
			{ code: 'FR', name: 'France', count: 3, step: 2 },
			{ code: 'UG', name: 'Uganda', count: 1, step: 1 }
		]);
		expect(map.countries.find(({ code }) => code === 'FR')!.d).toBe(shapeOf('FR').d);
		expect(map.land).not.toContain(shapeOf('FR').d);
		expect(map.land).toContain(shapeOf('DE').d);
		expect(map.land.length + map.countries.reduce((sum, { d }) => sum + d.length, 0)).toBe(world.countries.reduce((sum, { d }) => sum + d.length, 0));
	});

	it('lists in the table a country the map has no shape for, and does not draw it', () => {
		const map = pledgeMap(counted({ RE: 2, FR: 1 }), 'fr');
		expect(map.rows).toEqual([
			{ code: 'RE', name: 'La Réunion', count: 2, isOnMap: false },
			{ code: 'FR', name: 'France', count: 1, isOnMap: true }
		]);
		expect(map.countries.map(({ code }) => code)).toEqual(['FR']);
	});

	it('sorts the table by count, then by name in the page’s language', () => {
		const counts = counted({ DE: 2, AT: 2, SN: 5 });
		expect(pledgeMap(counts, 'en').rows.map(({ name }) => name)).toEqual(['Senegal', 'Austria', 'Germany']);
		expect(pledgeMap(counts, 'fr').rows.map(({ name }) => name)).toEqual(['Sénégal', 'Allemagne', 'Autriche']);
	});

	it('draws a small country with pledges as a dot, after its neighbours', () => {
		const map = pledgeMap(counted({ MC: 1, FR: 1, IT: 1 }), 'en');
		expect(map.countries.map(({ code }) => code).at(-1)).toBe('MC');
		expect(map.countries.at(-1)).toMatchObject({ code: 'MC', dot: shapeOf('MC').dot });
		expect(shapeOf('MC').dot).not.toBeNull();
	});

	it('draws an empty ledger as land only, with no table', () => {
		const map = pledgeMap([], 'en');
		expect(map.countries).toEqual([]);
		expect(map.rows).toEqual([]);
		expect(map.land).toBe(world.countries.map(({ d }) => d).join(''));
	});
});

describe('the colour steps', () => {
	it('cover every count from one, each step starting where the one before ends', () => {
		expect(LEGEND.map(({ from, to }) => [from, to])).toEqual([
			[1, 1],
			[2, 4],
			[5, 9],
			[10, null]
		]);
		expect([1, 2, 4, 5, 9, 10, 5_000].map(stepOf)).toEqual([1, 2, 2, 3, 3, 4, 4]);
	});
});
