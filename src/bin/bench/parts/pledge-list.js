// @ts-check
// Reading the public list: GET /en/pledges (whatever it renders: list, map, pages) from the built
// server with 100, 1,000 and 10,000 pledges, on a fresh SQLite file and on a throwaway PostgreSQL
// database: 20 concurrent readers make a fixed number of requests; p50/p99 time to the full body,
// requests per second, and the page's size (raw as the server sends it, and gzip as a proxy would);
// beside it, the prerendered /en/ read the same way from the same server (the anchor of the goal: p99 ≤
// 100 ms and at least half the anchor's requests/s at 10,000 pledges).
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { onBothEngines } from '../engines.js';
import { seedPledges } from '../seed.js';
import { startServer } from '../server.js';
import { nowMs, percentile } from '../stream-load.js';

export const name = 'pledge list: GET /en/pledges with 100, 1,000 and 10,000 pledges, 20 concurrent readers';

const SIZES = (process.env.BENCH_LIST_SIZES ?? '100,1000,10000').split(',').map(Number);
const READERS = Number(process.env.BENCH_LIST_READERS ?? 20);
// The list is rendered once per ledger version, then served: as many requests at every size.
const REQUESTS = Number(process.env.BENCH_LIST_REQUESTS ?? 400);
const PATH = '/en/pledges';
const ANCHOR = '/en/';

/** `requests` GETs of `path` by `READERS` readers at once; latencies (ms) and elapsed seconds. @param {string} origin @param {number} requests */
async function read(origin, requests, path = PATH) {
	/** @type {number[]} */
	const latencies = [];
	let next = 0;
	/** @type {string[]} */
	const failures = [];
	const started = nowMs();
	await Promise.all(
		Array.from({ length: READERS }, async () => {
			while (next++ < requests) {
				const sent = nowMs();
				try {
					const response = await fetch(`${origin}${path}`);
					await response.arrayBuffer();
					if (response.ok) latencies.push(nowMs() - sent);
					else failures.push(String(response.status));
				} catch (error) {
					// An overloaded server may drop a connection (its headers timeout): a failed read, not the end of the bench.
					failures.push(/** @type {{ cause?: { code?: string } }} */ (error).cause?.code ?? 'error');
				}
			}
		})
	);
	return { latencies: latencies.sort((a, b) => a - b), seconds: (nowMs() - started) / 1000, failures };
}

const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/** @param {string} engine @param {string} databaseUrl @param {string[][]} rows */
async function measure(engine, databaseUrl, rows) {
	let seeded = 0;
	for (const size of SIZES) {
		seedPledges(databaseUrl, size - seeded);
		seeded = size;
		const server = await startServer({ env: { DATABASE_URL: databaseUrl } });
		try {
			const page = Buffer.from(await (await fetch(`${server.origin}${PATH}`)).arrayBuffer());
			// How many pledges the page shows: each links to its own page.
			const shown = String(new Set(page.toString('utf8').match(/href="\/en\/pledges\/[0-9a-f-]{36}"/g)).size);
			await read(server.origin, READERS); // warm up: one request per reader
			const requests = REQUESTS;
			const { latencies, seconds, failures } = await read(server.origin, requests);
			await read(server.origin, READERS, ANCHOR);
			const anchor = await read(server.origin, requests, ANCHOR);
			const row = [
				engine,
				size.toLocaleString('en'),
				shown,
				String(requests),
				percentile(latencies, 50).toFixed(0),
				percentile(latencies, 99).toFixed(0),
				(latencies.length / seconds).toFixed(1),
				percentile(anchor.latencies, 99).toFixed(0),
				(anchor.latencies.length / anchor.seconds).toFixed(1),
				kb(page.length),
				kb(gzipSync(page).length),
				`${(server.rssBytes() / 1024 / 1024).toFixed(0)} MB`,
				failures.length === 0 ? '0' : `${failures.length} (${[...new Set(failures)].join(', ')})`
			];
			rows.push(row);
			console.log(row.join('  '));
		} finally {
			await server.stop();
		}
	}
}

/** @param {string[][]} rows */
function table(rows) {
	const header = ['engine', 'pledges', 'shown', 'requests', 'p50 ms', 'p99 ms', 'req/s', '/en/ p99 ms', '/en/ req/s', 'page raw', 'page gzip', 'server RSS', 'failed'];
	const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
	const line = (/** @type {string[]} */ cells) => `| ${cells.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
	return [line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

export async function run() {
	/** @type {string[][]} */
	const rows = [];
	await onBothEngines('list', (engine, databaseUrl) => measure(engine, databaseUrl, rows));
	console.log(`\n${READERS} concurrent readers, GET ${PATH}, time to the full body; load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}\n`);
	console.log(table(rows));
}
