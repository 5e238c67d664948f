import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { fontMetrics, type FontMetrics } from './font-metrics';

// resvg compiled to WebAssembly (no native addon); DejaVu Sans covers the French accents and
// typographic spaces. Both are read from node_modules when the site is built (prerendering).
const require = createRequire(import.meta.url);
export const FONT_FAMILY = 'DejaVu Sans';

let ready: Promise<Uint8Array[]> | undefined;

function prepare(): Promise<Uint8Array[]> {
	ready ??= (async () => {
		await initWasm(await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
		const fonts = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => readFile(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)));
		return (await Promise.all(fonts)).map((buffer) => new Uint8Array(buffer));
	})();
	return ready;
}

let metrics: Promise<{ regular: FontMetrics; bold: FontMetrics }> | undefined;

/** How wide the fonts the drawings are rendered with draw text: to wrap it before drawing. */
export function drawingFonts(): Promise<{ regular: FontMetrics; bold: FontMetrics }> {
	metrics ??= prepare().then(([regular, bold]) => ({ regular: fontMetrics(regular), bold: fontMetrics(bold) }));
	return metrics;
}

/** An SVG drawing as a PNG of the given width (the height follows the drawing's aspect ratio). */
export async function renderPng(svg: string, width: number): Promise<Uint8Array> {
	const fontBuffers = await prepare();
	const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { fontBuffers, defaultFontFamily: FONT_FAMILY } });
	try {
		return resvg.render().asPng();
	} finally {
		resvg.free();
	}
}

/** A PNG as a response body with its type; the bytes never change within a build. */
export function pngResponse(png: Uint8Array): Response {
	return new Response(png as BodyInit, { headers: { 'content-type': 'image/png' } });
}
