// @ts-check
// A bench part measured on both engines: a fresh SQLite file (removed after), then a database of a
// throwaway PostgreSQL cluster (stopped after).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startThrowawayPostgres } from '../throwaway-postgres.js';

/**
 * @param {string} name the part's name, for the file and the database
 * @param {(engine: string, databaseUrl: string) => Promise<void>} measure
 * @param {{ postgres?: boolean }} [options] `postgres: false` measures SQLite only
 */
export async function onBothEngines(name, measure, options = {}) {
	const sqliteFile = join(tmpdir(), `imrf-bench-${name}-${process.pid}.db`);
	try {
		await measure('SQLite', sqliteFile);
	} finally {
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${sqliteFile}${suffix}`, { force: true });
	}
	if (options.postgres === false) return;
	const cluster = await startThrowawayPostgres();
	try {
		await measure('PostgreSQL', await cluster.createDatabase(`imrf_bench_${name}`));
	} finally {
		await cluster.stop();
	}
}
