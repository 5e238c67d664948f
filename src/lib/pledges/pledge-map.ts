/**
 * The shapes of the pledges' world map, as the page gets them: built on the server
 * (src/lib/server/world-map/pledge-map.ts), drawn by the pledges page.
 */

/** One colour of the map: countries with `from` to `to` pledges (`to` null: or more). */
export interface CountStep {
	step: number;
	from: number;
	to: number | null;
}

/** A country with pledges, drawn on the map as a link to its pledges. */
export interface MappedCountry {
	code: string;
	name: string;
	count: number;
	step: number;
	/** SVG path data; empty for a country drawn only as a dot. */
	d: string;
	/** A dot for a country too small to see, in map units. */
	dot: [number, number] | null;
}

/** A line of the table: every country with pledges, on the map or not. */
export interface CountryRow {
	code: string;
	name: string;
	count: number;
	/** False for a country the map's data has no shape for (Réunion, Tuvalu…). */
	isOnMap: boolean;
}

export interface PledgeMap {
	width: number;
	height: number;
	/** The globe's outline. */
	outline: string;
	/** Every country without pledges, as one path. */
	land: string;
	countries: MappedCountry[];
	legend: CountStep[];
	/** Most pledges first, then by name in the page's language. */
	rows: CountryRow[];
}
