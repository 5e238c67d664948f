// @ts-check
// Durable pledge writes: POST /api/pledges against the built server on a fresh SQLite file
// (WAL, synchronous=FULL: each 201 means the pledge is on disk), then on a fresh PostgreSQL database
// (a throwaway cluster, fsync on: each 201 means the commit is in the WAL), with 1, 4 and 16
// writers; then the SQLite store alone, in process, to tell the disk's share from HTTP's.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startThrowawayPostgres } from '../../throwaway-postgres.js';
import { createToken } from '../organizer-token.js';
import { startServer } from '../server.js';

export const name = 'pledge writes (durable, POST /api/pledges)';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const SECONDS = 4;

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

/** @param {string} engine @param {string | undefined} databaseUrl (SQLite when undefined) */
async function measure(engine, databaseUrl) {
	const server = await startServer(databaseUrl ? { env: { DATABASE_URL: databaseUrl } } : {});
	try {
		const token = createToken(databaseUrl ?? server.databaseFile);
		let n = 0;
		for (const writers of [1, 4, 16]) {
			/** @type {number[]} */
			const latencies = [];
			let errors = 0;
			const until = performance.now() + SECONDS * 1000;
			const started = performance.now();
			await Promise.all(
				Array.from({ length: writers }, async () => {
					while (performance.now() < until) {
						const i = n++;
						const sent = performance.now();
						const response = await fetch(`${server.origin}/api/pledges`, {
							method: 'POST',
							headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `bench-${i}` },
							body: JSON.stringify({ government: `City ${i}`, country: 'UG', title: `Bench pledge ${i}`, compacts: ['GCM'], url: 'https://example.org/' })
						});
						await response.arrayBuffer();
						if (response.status === 201) latencies.push(performance.now() - sent);
						else errors++;
					}
				})
			);
			const elapsed = (performance.now() - started) / 1000;
			latencies.sort((a, b) => a - b);
			console.log(
				`${engine}, ${String(writers).padStart(2)} writer(s): ${(latencies.length / elapsed).toFixed(0)} durable writes/s, ack p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p99 ${quantile(latencies, 0.99).toFixed(1)} ms (${latencies.length} writes${errors ? `, ${errors} errors` : ''})`
			);
		}
		console.log(`${engine}: server RSS after writes: ${(server.rssBytes() / 1024 / 1024).toFixed(0)} MB`);
	} finally {
		await server.stop();
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${server.databaseFile}${suffix}`, { force: true });
	}
}

export async function run() {
	await measure('SQLite', undefined);
	const cluster = await startThrowawayPostgres();
	try {
		await measure('PostgreSQL', await cluster.createDatabase('imrf_bench'));
	} finally {
		await cluster.stop();
	}
	execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/bench/pledge-store-writes.ts'], {
		cwd: root,
		stdio: 'inherit'
	});
}
