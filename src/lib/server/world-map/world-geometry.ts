import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoCentroid, geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { numericToAlpha2 } from 'i18n-iso-countries/index.js';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { compactPath } from './compact-path';

/** The map's drawing units: about one CSS pixel each at the page's full width. */
export const MAP_WIDTH = 960;

/**
 * How far a coast or border may stray from Natural Earth's, in units: under two CSS pixels where the
 * map is widest (a desktop), under one on a phone. Shapes of every country at one unit were 9.0 KB gzip
 * of the list page, at 1.75 they are 6.1 KB (the page's first view has a budget: README, "Islands").
 */
const SHAPE_TOLERANCE = 1.75;

/** Below this many square units a country is too small to see or to click: it also gets a dot. */
const SMALLEST_VISIBLE_AREA = 12;

export interface CountryShape {
	/** ISO 3166-1 alpha-2; null for the few areas Natural Earth draws without an ISO code (Kosovo, Somaliland…). */
	code: string | null;
	/** SVG path data; empty when every part of the country is smaller than a unit. */
	d: string;
	/** Where to put a dot for a country too small to see (and to click), in map units; null otherwise. */
	dot: [number, number] | null;
}

export interface WorldGeometry {
	width: number;
	height: number;
	/** The globe's outline in Equal Earth. */
	outline: string;
	countries: CountryShape[];
}

// Natural Earth's 1:50m countries (world-atlas): unlike 1:110m it has most small island states,
// which are many among local governments' countries; ids are ISO 3166-1 numeric codes.
const ATLAS = 'world-atlas/countries-50m.json';

let projected: WorldGeometry | undefined;

/** The world's countries projected once per process (Equal Earth), as compact SVG path data. */
export function worldGeometry(): WorldGeometry {
	projected ??= project(JSON.parse(readFileSync(createRequire(import.meta.url).resolve(ATLAS), 'utf8')) as Topology);
	return projected;
}

export function project(topology: Topology): WorldGeometry {
	const sphere: GeoPermissibleObjects = { type: 'Sphere' };
	// A unit of margin all round, so that the outline's stroke is not cut by the viewBox.
	const projection = geoEqualEarth().fitWidth(MAP_WIDTH - 2, sphere);
	const [x, y] = projection.translate();
	projection.translate([x + 1, y + 1]);
	const measure = geoPath(projection);
	const [, [, bottom]] = measure.bounds(sphere);
	const context = compactPath(SHAPE_TOLERANCE);
	const draw = geoPath(projection, context);
	const dataOf = (object: GeoPermissibleObjects) => {
		draw(object);
		return context.take();
	};

	// Some countries come as several features (Australia and its Ashmore and Cartier Islands): one
	// shape each. Features without an ISO code stay apart: each is its own area, none is a country to link.
	const parts = new Map<string, { code: string | null; features: GeoJSON.Feature[] }>();
	for (const part of feature(topology, topology.objects.countries as GeometryCollection).features) {
		const code = part.id === undefined ? null : (numericToAlpha2(String(part.id)) ?? null);
		const key = code ?? `no-code-${parts.size}`;
		const shape = parts.get(key) ?? { code, features: [] };
		shape.features.push(part);
		parts.set(key, shape);
	}

	const countries = [...parts.values()].map(({ code, features }): CountryShape => {
		const whole: GeoJSON.FeatureCollection = { type: 'FeatureCollection', features };
		const centre = code !== null && measure.area(whole) < SMALLEST_VISIBLE_AREA ? projection(geoCentroid(whole)) : null;
		return { code, d: dataOf(whole), dot: centre ? [Math.round(centre[0]), Math.round(centre[1])] : null };
	});
	return { width: MAP_WIDTH, height: Math.ceil(bottom) + 1, outline: dataOf(sphere), countries };
}
