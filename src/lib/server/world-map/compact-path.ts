import type { GeoContext } from 'd3-geo';

/**
 * A d3-geo path context that writes short SVG path data: points rounded to whole units of the
 * viewBox (a unit is about a CSS pixel at the page's width), repeated points dropped, rings that
 * shrink below a triangle left out, and every point after a ring's first written relative to the
 * one before it ("l3-1 2,4").
 */
export interface CompactPath extends GeoContext {
	/** The path data written since the last call, and a fresh start. */
	take(): string;
}

type Point = [number, number];

export function compactPath(): CompactPath {
	let ring: Point[] = [];
	let written = '';

	const endRing = () => {
		if (ring.length >= 3) written += ringData(ring);
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
