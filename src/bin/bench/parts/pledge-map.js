// @ts-check
// The pledges' world map on /en/pledges: the size of its SVG (raw and gzip at level 9, as a proxy
// would send it) and of the whole page, and the page's server time, on an empty ledger and then
// with pledges in 100 countries (1 to 12 each, so that every colour step is used), the list whole
// and filtered to one country.
import { rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { COUNTRY_CODES } from '../../../lib/pledges/countries.ts';
import { createToken } from '../organizer-token.js';
import { startServer } from '../server.js';

export const name = 'pledge map (SVG size, /en/pledges)';

const COUNTRIES = COUNTRY_CODES.filter((_, index) => index % 2 === 0).slice(0, 100);
const RENDERS = 20;

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** @param {string} origin @param {string} label @param {string} [path] */
async function measure(origin, label, path = '/en/pledges') {
	/** @type {number[]} */
	const times = [];
	let html = '';
	for (let index = 0; index < RENDERS; index++) {
		const started = performance.now();
		html = await (await fetch(`${origin}${path}`)).text();
		times.push(performance.now() - started);
	}
	const svg = /<svg class="world[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
	const links = svg.match(/<a /g)?.length ?? 0;
	const rows = html.match(/<th scope="row"/g)?.length ?? 0;
	times.sort((a, b) => a - b);
	console.log(
		`${label}: SVG ${kb(Buffer.byteLength(svg))} raw, ${kb(gzipSync(svg, { level: 9 }).length)} gzip (${links} countries linked, ${rows} table rows); ` +
			`page ${kb(Buffer.byteLength(html))} raw, ${kb(gzipSync(html, { level: 9 }).length)} gzip; ` +
			`GET ${path} p50 ${times[Math.floor(times.length / 2)].toFixed(1)} ms over ${RENDERS}`
	);
}

export async function run() {
	const server = await startServer();
	try {
		await measure(server.origin, 'empty ledger');
		const token = createToken(server.databaseFile);
		const pledges = COUNTRIES.flatMap((country, index) => Array.from({ length: (index % 12) + 1 }, (_, n) => ({ country, n })));
		for (const { country, n } of pledges) {
			const response = await fetch(`${server.origin}/api/pledges`, {
				method: 'POST',
				headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
				body: JSON.stringify({ government: `Bench government ${country}`, country, title: `Bench pledge ${n}`, compacts: ['GCM'] })
			});
			if (response.status !== 201) throw new Error(`POST /api/pledges answered ${response.status}`);
		}
		await measure(server.origin, `${pledges.length} pledges in ${COUNTRIES.length} countries`);
		// The list filtered to one country: the page's time is then mostly the map's.
		await measure(server.origin, 'the same, list filtered', `/en/pledges?country=${COUNTRIES[0]}`);
	} finally {
		await server.stop();
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${server.databaseFile}${suffix}`, { force: true });
	}
}
