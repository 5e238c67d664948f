import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { createDatabase } from '../../src/bin/throwaway-postgres.js';
import { openPostgresStore } from '$lib/server/store/postgres/index';
import { openSqliteStore } from '$lib/server/store/sqlite/index';
import { questionStoreContract } from './questions-contract';

questionStoreContract('SQLite', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-questions-'));
	const site = openSqliteStore(join(dir, 'site.db'));
	return {
		site,
		async close() {
			await site.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
});

// The cluster: TEST_DATABASE_URL, or the throwaway one src/lib/server/store/postgres/test-cluster.ts started.
questionStoreContract('PostgreSQL', async () => {
	const site = await openPostgresStore(await createDatabase(inject('postgresUrl'), 'imrf_questions'));
	return { site, close: () => site.close() };
});
