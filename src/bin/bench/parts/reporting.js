// @ts-check
// Governments' reporting at scale: 10,000 pledges and 50,000 progress notes on a fresh SQLite file and
// on a throwaway PostgreSQL database; 20 concurrent readers of a reporter's page (/en/report, signed
// in) and of one pledge's page (/en/pledges/{id}, with its notes and versions): p50/p99 to the full
// body; then the Atom feed of all pledges (/en/pledges/feed.xml): its size and the time to read it.
// BENCH_REPORTING_PLEDGES / _NOTES / _REQUESTS make it smaller for a quick run, BENCH_REPORTING_ENGINES=sqlite skips PostgreSQL.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { onBothEngines } from '../engines.js';
import { startServer } from '../server.js';
import { nowMs, percentile } from '../stream-load.js';

export const name = 'reporting: the reporter’s page and a pledge page at 20 readers, the feed of all pledges, with 10,000 pledges and 50,000 notes';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const PLEDGES = Number(process.env.BENCH_REPORTING_PLEDGES ?? 10_000);
const NOTES = Number(process.env.BENCH_REPORTING_NOTES ?? 50_000);
const REQUESTS = Number(process.env.BENCH_REPORTING_REQUESTS ?? 200);
const READERS = 20;
const FEED_READS = 5;

/** Fills the store; the reporter's e-mail and password and one of its pledges. @param {string} databaseUrl */
function seed(databaseUrl) {
	const output = execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/bench/seed-reporting.ts', String(PLEDGES), String(NOTES)], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return /** @type {{ email: string, password: string, pledgeId: string }} */ (JSON.parse(output.trim().split('\n').at(-1) ?? '{}'));
}

/** Signs the reporter in the way a browser without JavaScript does; the session cookie. @param {string} origin @param {{ email: string, password: string }} reporter */
async function signIn(origin, reporter) {
	// The server knows itself as localhost (ORIGIN): the form's origin is that one; a browser's Accept gets the 303 (not the JSON of an enhanced form).
	const formOrigin = origin.replace('127.0.0.1', 'localhost');
	const response = await fetch(`${origin}/en/report/sign-in`, {
		method: 'POST',
		headers: { origin: formOrigin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: reporter.email, password: reporter.password }),
		redirect: 'manual'
	});
	const cookies = response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]);
	if (response.status !== 303 || cookies.length === 0) throw new Error(`sign-in answered ${response.status}`);
	return cookies.join('; ');
}

/** `REQUESTS` GETs of `path` by `READERS` readers at once; latencies (ms), failures. @param {string} url @param {Record<string, string>} headers */
async function read(url, headers, requests = REQUESTS) {
	/** @type {number[]} */
	const latencies = [];
	/** @type {string[]} */
	const failures = [];
	let next = 0;
	await Promise.all(
		Array.from({ length: READERS }, async () => {
			while (next++ < requests) {
				const sent = nowMs();
				try {
					const response = await fetch(url, { headers, redirect: 'manual' });
					await response.arrayBuffer();
					if (response.status === 200) latencies.push(nowMs() - sent);
					else failures.push(String(response.status));
				} catch (error) {
					failures.push(/** @type {{ cause?: { code?: string } }} */ (error).cause?.code ?? 'error');
				}
			}
		})
	);
	return { latencies: latencies.sort((a, b) => a - b), failures };
}

/** @param {string} engine @param {string} databaseUrl @param {string[][]} rows */
async function measure(engine, databaseUrl, rows) {
	const seeding = nowMs();
	const reporter = seed(databaseUrl);
	console.log(`${engine}: ${PLEDGES.toLocaleString('en')} pledges and ${NOTES.toLocaleString('en')} notes seeded in ${((nowMs() - seeding) / 1000).toFixed(0)} s`);
	const server = await startServer({ env: { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' } });
	try {
		const cookie = await signIn(server.origin, reporter);
		for (const [label, path, headers] of /** @type {[string, string, Record<string, string>][]} */ ([
			['reporter’s page', '/en/report', { cookie }],
			['pledge page', `/en/pledges/${reporter.pledgeId}`, {}]
		])) {
			await read(`${server.origin}${path}`, headers, READERS); // warm up: one request per reader
			const { latencies, failures } = await read(`${server.origin}${path}`, headers);
			const row = [engine, label, String(REQUESTS), percentile(latencies, 50).toFixed(0), percentile(latencies, 99).toFixed(0), failures.length === 0 ? '0' : `${failures.length} (${[...new Set(failures)].join(', ')})`];
			rows.push(row);
			console.log(row.join('  '));
		}
		/** @type {number[]} */
		const times = [];
		let bytes = 0;
		for (let i = 0; i < FEED_READS; i++) {
			const sent = nowMs();
			const body = await (await fetch(`${server.origin}/en/pledges/feed.xml`)).arrayBuffer();
			times.push(nowMs() - sent);
			bytes = body.byteLength;
		}
		times.sort((a, b) => a - b);
		console.log(`${engine}: feed of all pledges: ${(bytes / 1024).toFixed(0)} KB, ${percentile(times, 50).toFixed(0)} ms median of ${FEED_READS} reads (max ${times.at(-1)?.toFixed(0)} ms); server RSS ${(server.rssBytes() / 1024 / 1024).toFixed(0)} MB`);
	} finally {
		await server.stop();
	}
}

export async function run() {
	/** @type {string[][]} */
	const rows = [];
	await onBothEngines('reporting', (engine, databaseUrl) => measure(engine, databaseUrl, rows), { postgres: process.env.BENCH_REPORTING_ENGINES !== 'sqlite' });
	console.log(`\n${READERS} concurrent readers, time to the full body; load average ${loadavg().map((value) => value.toFixed(2)).join(' ')}\n`);
	console.log(['| engine | page | requests | p50 ms | p99 ms | failed |', '| --- | --- | --- | --- | --- | --- |', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n'));
}
