import type { GeoContext } from 'd3-geo';

/**
 * A d3-geo path context that writes short SVG path data: points rounded to whole units of the
 * viewBox (a unit is about a CSS pixel at the page's width), repeated points dropped, the points
 * that lie within `tolerance` units of the line through their neighbours dropped too (the staircases
 * that rounding makes of a coast), rings that shrink below a triangle left out, and every point after
 * a ring's first written relative to the one before it ("l3-1 2,4").
 */
export interface CompactPath extends GeoContext {
	/** The path data written since the last call, and a fresh start. */
	take(): string;
}

type Point = [number, number];

/** How far (in units) a dropped point may lie from the line drawn instead, unless told: one unit. */
const TOLERANCE = 1;

export function compactPath(tolerance = TOLERANCE): CompactPath {
	let ring: Point[] = [];
	let written = '';

	const endRing = () => {
		const kept = ring.length >= 3 ? simplified(ring, tolerance) : [];
		if (kept.length >= 3) written += ringData(kept);
		ring = [];
	};

	return {
		moveTo(x, y) {
			endRing();
			ring.push([Math.round(x), Math.round(y)]);
		},
		lineTo(x, y) {
			const point: Point = [Math.round(x), Math.round(y)];
			const last = ring.at(-1);
			if (!last || last[0] !== point[0] || last[1] !== point[1]) ring.push(point);
		},
		closePath() {
			const [first, last] = [ring[0], ring.at(-1)];
			if (ring.length > 1 && first[0] === last![0] && first[1] === last![1]) ring.pop();
			endRing();
		},
		beginPath() {},
		// Points (d3 draws them as circles): the map draws areas only.
		arc() {},
		take() {
			endRing();
			const data = written;
			written = '';
			return data;
		}
	};
}

function ringData(ring: Point[]): string {
	let data = `M${ring[0][0]},${ring[0][1]}l`;
	for (let index = 1; index < ring.length; index++) {
		const dx = ring[index][0] - ring[index - 1][0];
		const dy = ring[index][1] - ring[index - 1][1];
		// A minus sign separates two numbers by itself; otherwise a space or comma is needed.
		data += `${index === 1 || dx < 0 ? '' : ' '}${dx}${dy < 0 ? '' : ','}${dy}`;
	}
	return `${data}z`;
}

/** The ring with the points that add less than `tolerance` to its shape left out (Douglas–Peucker). */
function simplified(ring: Point[], tolerance: number): Point[] {
	// A closed ring is split at its first point and the point farthest from it: two open lines.
	let farthest = 0;
	for (let index = 1; index < ring.length; index++) if (squaredDistance(ring[0], ring[index]) > squaredDistance(ring[0], ring[farthest])) farthest = index;
	if (farthest === 0) return [];
	return [...line([...ring.slice(0, farthest + 1)], tolerance).slice(0, -1), ...line([...ring.slice(farthest), ring[0]], tolerance).slice(0, -1)];
}

/** An open line's points that matter: its ends, and recursively the one farthest from the chord while it is farther than `tolerance`. */
function line(points: Point[], tolerance: number): Point[] {
	const [start, end] = [points[0], points.at(-1)!];
	let farthest = -1;
	let distance = tolerance;
	for (let index = 1; index < points.length - 1; index++) {
		const away = distanceToLine(points[index], start, end);
		if (away > distance) [farthest, distance] = [index, away];
	}
	if (farthest < 0) return [start, end];
	return [...line(points.slice(0, farthest + 1), tolerance).slice(0, -1), ...line(points.slice(farthest), tolerance)];
}

const squaredDistance = (a: Point, b: Point) => (a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2;

function distanceToLine(point: Point, start: Point, end: Point): number {
	const length = Math.sqrt(squaredDistance(start, end));
	if (length === 0) return Math.sqrt(squaredDistance(point, start));
	return Math.abs((end[0] - start[0]) * (start[1] - point[1]) - (start[0] - point[0]) * (end[1] - start[1])) / length;
}
