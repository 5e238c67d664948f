// @ts-check
// Moving and keeping the data (`npm run store`): a store with every table filled at the scale of
// issue 25 (10,000 pledges, 50,000 notes, 5,000 questions; BENCH_STORE_SCALE=0.1 for a tenth), copied
// SQLite → PostgreSQL and back, then backed up and restored each way. Times are the command's own
// (printed by it), without Node's start.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, startThrowawayPostgres } from '../../throwaway-postgres.js';

export const name = 'store copy, backup and restore (npm run store)';

const root = fileURLToPath(new URL('../../../..', import.meta.url));
const scale = Number(process.env.BENCH_STORE_SCALE ?? 1);
const node = (/** @type {string} */ script, /** @type {string[]} */ args, /** @type {string} */ databaseUrl) =>
	execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', script, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });

/** The command's own figures: its last line of rows and seconds. */
const figures = (/** @type {string} */ output) => /^(\d+ rows in .*)$/m.exec(output)?.[1] ?? output.trim().split('\n').at(-1);

export async function run() {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-bench-store-'));
	const cluster = await startThrowawayPostgres();
	try {
		const sqlite = join(dir, 'site.db');
		const [pledges, notes, questions] = [10_000, 50_000, 5_000].map((n) => Math.max(1, Math.round(n * scale)));
		const filling = performance.now();
		node('src/bin/bench/fill-every-table.ts', [String(pledges), String(notes), String(questions)], sqlite);
		console.log(`filled SQLite with ${pledges} pledges, ${notes} notes, ${questions} questions in ${((performance.now() - filling) / 1000).toFixed(1)} s (${(statSync(sqlite).size / 1e6).toFixed(1)} MB)`);
		const postgres = await createDatabase(cluster.url, 'imrf_bench_copy');
		console.log(`copy SQLite → PostgreSQL: ${figures(node('src/bin/store.ts', ['copy', '--to', postgres], sqlite))}`);
		const back = join(dir, 'back.db');
		console.log(`copy PostgreSQL → SQLite: ${figures(node('src/bin/store.ts', ['copy', '--to', back], postgres))}`);
		const sqliteBackup = join(dir, 'sqlite.backup');
		console.log(`backup SQLite (online backup): ${figures(node('src/bin/store.ts', ['backup', sqliteBackup], sqlite))}, ${(statSync(sqliteBackup).size / 1e6).toFixed(1)} MB`);
		const postgresBackup = join(dir, 'postgres.backup');
		console.log(`backup PostgreSQL (portable): ${figures(node('src/bin/store.ts', ['backup', postgresBackup], postgres))}, ${(statSync(postgresBackup).size / 1e6).toFixed(1)} MB`);
		console.log(`restore SQLite backup → PostgreSQL: ${figures(node('src/bin/store.ts', ['restore', sqliteBackup], await createDatabase(cluster.url, 'imrf_bench_restore')))}`);
		console.log(`restore portable backup → SQLite: ${figures(node('src/bin/store.ts', ['restore', postgresBackup], join(dir, 'restored.db')))}`);
	} finally {
		await cluster.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}
