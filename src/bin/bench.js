// @ts-check
// `npm run bench`: speed and memory figures, printed (not asserted). Each part lives in
// src/bin/bench/parts/*.js and exports `name` and `run()`, which starts what it measures (usually
// the built server on a fresh store, see bench/server.js) and prints its own figures.
// `npm run bench -- <part> …` runs only the named parts.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./bench/parts/', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
	.filter((file) => file.endsWith('.js'))
	.sort()
	.filter((file) => only.length === 0 || only.includes(file.replace(/\.js$/, '')));

if (files.length === 0) {
	console.log(only.length > 0 ? `No bench part named ${only.join(', ')}.` : 'No bench parts yet.');
}
for (const file of files) {
	/** @type {{ name: string, run: () => Promise<void> }} */
	const part = await import(new URL(file, `file://${dir}`).href);
	console.log(`\n== ${part.name} ==`);
	const started = performance.now();
	await part.run();
	console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
