// @ts-check
// /healthz while readers read the heaviest public pages: the built server on a SQLite file with
// BENCH_HEALTHZ_PLEDGES pledges (10,000 by default); 8 readers read one kind of page as fast as it
// answers for BENCH_HEALTHZ_SECONDS while one prober asks /healthz every 50 ms; p50/p99/max of
// /healthz and the readers' requests/s, for each kind, in one run:
// - the prerendered /en/ (the anchor: a file from memory),
// - /en/pledges (the list at its bound: 50 pledges, the map, the filters; kept per ledger version),
// - /en/pledges?cursor=… (each request another page of the list: what a client makes to defeat the kept
//   pages; every one rendered).
// The goal (issue 23): /healthz p99 ≤ 200 ms while 8 readers read the largest page the public can make.
import { rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPledges } from '../seed.js';
import { startServer } from '../server.js';
import { nowMs, percentile, sleep } from '../stream-load.js';

export const name = '/healthz while 8 readers read the heaviest public pages';

const PLEDGES = Number(process.env.BENCH_HEALTHZ_PLEDGES ?? 10_000);
const SECONDS = Number(process.env.BENCH_HEALTHZ_SECONDS ?? 15);
const READERS = 8;
const PROBE_EVERY_MS = 50;
const GOAL_P99_MS = 200;

/** A cursor of the list as the site writes it (src/lib/server/pledges/cursor.ts). @param {number} position */
const cursor = (position) => Buffer.from(`after:${position}`).toString('base64url');

/** @type {{ name: string, path: (index: number) => string }[]} */
const KINDS = [
	{ name: 'prerendered /en/ (anchor)', path: () => '/en/' },
	{ name: '/en/pledges (kept)', path: () => '/en/pledges' },
	// Positions past the first page, each request another one: the list's pages are one per 50 pledges' positions.
	{ name: '/en/pledges?cursor= (each another page)', path: (index) => `/en/pledges?cursor=${cursor(51 + ((index * 7919) % Math.max(1, PLEDGES - 51)))}` }
];

/** Readers reading `path(i)` until `until`; how many answers and how many failed. @param {string} origin @param {(index: number) => string} path @param {number} until */
async function readUntil(origin, path, until) {
	let next = 0;
	let answered = 0;
	let failed = 0;
	await Promise.all(
		Array.from({ length: READERS }, async () => {
			while (nowMs() < until) {
				try {
					const response = await fetch(`${origin}${path(next++)}`);
					await response.arrayBuffer();
					if (response.ok) answered++;
					else failed++;
				} catch {
					failed++;
				}
			}
		})
	);
	return { answered, failed };
}

/** /healthz every PROBE_EVERY_MS until `until`: each latency (ms), and the answers that were not 200. @param {string} origin @param {number} until */
async function probeUntil(origin, until) {
	/** @type {number[]} */
	const latencies = [];
	let failed = 0;
	while (nowMs() < until) {
		const sent = nowMs();
		try {
			const response = await fetch(`${origin}/healthz`);
			await response.arrayBuffer();
			if (response.ok) latencies.push(nowMs() - sent);
			else failed++;
		} catch {
			failed++;
		}
		await sleep(Math.max(0, PROBE_EVERY_MS - (nowMs() - sent)));
	}
	return { latencies: latencies.sort((a, b) => a - b), failed };
}

export async function run() {
	const databaseFile = join(tmpdir(), `imrf-bench-healthz-${process.pid}.db`);
	seedPledges(databaseFile, PLEDGES);
	const server = await startServer({ env: { DATABASE_URL: databaseFile } });
	try {
		/** @type {string[][]} */
		const rows = [];
		for (const kind of KINDS) {
			// Warm up: one request per reader.
			await readUntil(server.origin, kind.path, nowMs() + 1);
			const until = nowMs() + SECONDS * 1000;
			const [read, probe] = await Promise.all([readUntil(server.origin, kind.path, until), probeUntil(server.origin, until)]);
			const p99 = percentile(probe.latencies, 99);
			rows.push([
				kind.name,
				percentile(probe.latencies, 50).toFixed(1),
				p99.toFixed(1),
				(probe.latencies.at(-1) ?? 0).toFixed(1),
				String(probe.failed),
				(read.answered / SECONDS).toFixed(1),
				String(read.failed),
				p99 <= GOAL_P99_MS && probe.failed === 0 ? 'within' : 'OVER'
			]);
		}
		const header = ['readers read', '/healthz p50 ms', 'p99 ms', 'max ms', 'failed', 'reads/s', 'reads failed', `goal p99 ≤ ${GOAL_P99_MS} ms`];
		const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
		const line = (/** @type {string[]} */ cells) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
		console.log(`\n${READERS} readers for ${SECONDS} s each, ${PLEDGES.toLocaleString('en')} pledges (SQLite), /healthz every ${PROBE_EVERY_MS} ms; load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}\n`);
		console.log([line(header), `| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`, ...rows.map(line)].join('\n'));
	} finally {
		await server.stop();
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
	}
}
