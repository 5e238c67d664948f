import { describe, expect, it } from 'vitest';
import { isCountryCode } from '$lib/pledges/countries';
import { MAP_WIDTH, worldGeometry } from './world-geometry';

/** Every point of our compact path data ("M x,y l dx,dy …z"), made absolute. */
function pointsOf(d: string): [number, number][] {
	const points: [number, number][] = [];
	for (const ring of d.split('z').filter(Boolean)) {
		const [start, relative = ''] = ring.slice(1).split('l');
		let [x, y] = start.split(',').map(Number);
		points.push([x, y]);
		const numbers = (relative.match(/-?\d+/g) ?? []).map(Number);
		for (let index = 0; index < numbers.length; index += 2) {
			x += numbers[index];
			y += numbers[index + 1];
			points.push([x, y]);
		}
	}
	return points;
}

describe('worldGeometry', () => {
	const world = worldGeometry();

	it('draws each ISO country of Natural Earth once, its parts together', () => {
		const codes = world.countries.map(({ code }) => code).filter((code) => code !== null);
		expect(new Set(codes).size).toBe(codes.length);
		expect(codes.every(isCountryCode)).toBe(true);
		expect(codes).toEqual(expect.arrayContaining(['FR', 'UG', 'AU', 'SG', 'MT', 'FJ', 'KI']));
		// Natural Earth draws Réunion and the other French overseas departments as part of France.
		expect(codes).not.toContain('RE');
		// Kosovo, Somaliland… have shapes but no ISO 3166-1 code: drawn, never linked.
		expect(world.countries.some(({ code }) => code === null)).toBe(true);
	});

	it('keeps every point inside the map, an Equal Earth globe about twice as wide as high', () => {
		expect(world.width).toBe(MAP_WIDTH);
		expect(world.width / world.height).toBeCloseTo(2.05, 1);
		const outside = [...world.countries, { code: 'outline', d: world.outline }].flatMap(({ code, d }) =>
			pointsOf(d)
				.filter(([x, y]) => x < 0 || x > world.width || y < 0 || y > world.height)
				.map((point) => `${code}: ${point}`)
		);
		expect(outside).toEqual([]);
		expect(pointsOf(world.outline).length).toBeGreaterThan(20);
	});

	it('gives a dot, inside the map, to the countries too small to see and to them only', () => {
		const byCode = new Map(world.countries.map((shape) => [shape.code, shape]));
		for (const tiny of ['MC', 'VA', 'SG', 'MT']) {
			const [x, y] = byCode.get(tiny)!.dot!;
			expect(x, tiny).toBeGreaterThan(0);
			expect(y, tiny).toBeGreaterThan(0);
		}
		for (const large of ['FR', 'UG', 'BR']) expect(byCode.get(large)!.dot, large).toBeNull();
		expect(byCode.get('FR')!.d.length).toBeGreaterThan(100);
	});
});
