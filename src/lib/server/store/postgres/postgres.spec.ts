import { inject } from 'vitest';
import { createDatabase } from '../../../../bin/throwaway-postgres.js';
import { storeContract } from '../contract';
import { openPostgresStore } from './index';

// The cluster: TEST_DATABASE_URL, or the throwaway one src/lib/server/store/postgres/test-cluster.ts started.
const adminUrl = inject('postgresUrl');

storeContract('PostgreSQL', () => {
	let url: Promise<string> | undefined;
	const database = () => (url ??= createDatabase(adminUrl, 'imrf_contract'));
	return {
		open: async () => openPostgresStore(await database()),
		reopen: async () => openPostgresStore(await database())
	};
});
