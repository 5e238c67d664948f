// Vitest's global setup: the PostgreSQL the store suites run on. TEST_DATABASE_URL when set (a user
// that may CREATE DATABASE), else a throwaway cluster started here and removed afterwards.
import type { TestProject } from 'vitest/node';
import { startThrowawayPostgres } from '../../src/bin/throwaway-postgres.js';

declare module 'vitest' {
	export interface ProvidedContext {
		postgresUrl: string;
	}
}

export default async function setup(project: TestProject) {
	if (process.env.TEST_DATABASE_URL) {
		project.provide('postgresUrl', process.env.TEST_DATABASE_URL);
		return;
	}
	const cluster = await startThrowawayPostgres({ durable: false });
	project.provide('postgresUrl', cluster.url);
	return () => cluster.stop();
}
