import { countryName } from '$lib/i18n/format';
import type { CountStep, CountryRow, MappedCountry, PledgeMap } from '$lib/pledges/pledge-map';
import type { CountryCount } from '../pledges/types';
import { worldGeometry, type WorldGeometry } from './world-geometry';

/** The lowest count of each colour step: 1, 2–4, 5–9, 10 or more. */
export const STEP_FLOORS = [1, 2, 5, 10] as const;

export const LEGEND: CountStep[] = STEP_FLOORS.map((from, index) => ({
	step: index + 1,
	from,
	to: index + 1 < STEP_FLOORS.length ? STEP_FLOORS[index + 1] - 1 : null
}));

export function stepOf(count: number): number {
	return LEGEND.findLast((step) => count >= step.from)?.step ?? 0;
}

/**
 * The map and table of pledges per country for one request: the projected world (made once per
 * process) coloured by the counts, every country with pledges a link, every count in the table.
 */
export function pledgeMap(counts: readonly CountryCount[], lang: string, geometry: WorldGeometry = worldGeometry()): PledgeMap {
	const countOf = new Map(counts.filter(({ count }) => count > 0).map(({ country, count }) => [country, count]));
	const land: string[] = [];
	const countries: MappedCountry[] = [];
	for (const shape of geometry.countries) {
		const count = shape.code ? countOf.get(shape.code) : undefined;
		if (shape.code && count) {
			countries.push({ code: shape.code, name: countryName(shape.code, lang), count, step: stepOf(count), d: shape.d, dot: shape.dot });
		} else {
			land.push(shape.d);
		}
	}

	// Dots last, so that no neighbour is painted over them.
	countries.sort((a, b) => Number(a.dot !== null) - Number(b.dot !== null));
	const drawn = new Set(countries.map(({ code }) => code));
	const collator = new Intl.Collator(lang);
	const rows: CountryRow[] = [...countOf]
		.map(([code, count]) => ({ code, name: countryName(code, lang), count, isOnMap: drawn.has(code) }))
		.sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));

	return { width: geometry.width, height: geometry.height, outline: geometry.outline, land: land.join(''), countries, legend: LEGEND, rows };
}
