// Playwright's global setup: the PostgreSQL the multi-instance tests use. TEST_DATABASE_URL when
// set (a user that may CREATE DATABASE), else a throwaway cluster, removed when the run ends.
// Its URL reaches the test workers as TEST_DATABASE_URL.
import { startThrowawayPostgres } from '../../src/bin/throwaway-postgres.js';

export default async function setup() {
	if (process.env.TEST_DATABASE_URL) return;
	const cluster = await startThrowawayPostgres({ durable: false });
	process.env.TEST_DATABASE_URL = cluster.url;
	return () => cluster.stop();
}
