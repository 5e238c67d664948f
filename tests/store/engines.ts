// The engines the store suites run on, each as the contract opens it (tests/store/contract.ts):
// SQLite on a fresh file, PostgreSQL on a fresh database of the cluster tests/support/vitest-postgres.ts
// started (or TEST_DATABASE_URL).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDatabase } from '../../src/bin/throwaway-postgres.js';
import { openPostgresStore } from '$lib/server/store/postgres/index';
import { openSqliteStore } from '$lib/server/store/sqlite/index';
import type { Engine } from './contract';
import type { EngineUnderTest } from './questions-contract';

export function sqlite(): Engine {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-store-'));
	const file = join(dir, 'nested', 'site.db');
	return {
		open: async () => openSqliteStore(file),
		reopen: async () => openSqliteStore(file),
		cleanUp: async () => rmSync(dir, { recursive: true, force: true })
	};
}

export function postgres(): Engine {
	let url: Promise<string> | undefined;
	const database = () => (url ??= createDatabase(inject('postgresUrl'), 'imrf_contract'));
	return {
		open: async () => openPostgresStore(await database()),
		reopen: async () => openPostgresStore(await database())
	};
}

export const ENGINES = [
	{ name: 'SQLite', engine: sqlite },
	{ name: 'PostgreSQL', engine: postgres }
];

/** A fresh store of one engine as the suites beside the contract take it, with how to let it go. */
export function storeUnderTest(engine: () => Engine): () => Promise<EngineUnderTest> {
	return async () => {
		const { open, cleanUp } = engine();
		const site = await open();
		return {
			site,
			async close() {
				await site.close();
				await cleanUp?.();
			}
		};
	};
}
