import { test } from '@playwright/test';

/**
 * The store of the server under test: the Playwright project's (the `postgres` project runs the API
 * and console suites again on PostgreSQL), else the shared SQLite file. Call it inside a test or hook.
 */
export function testDatabaseUrl(): string {
	const url = (test.info().project.metadata as { databaseUrl?: string }).databaseUrl ?? process.env.E2E_DATABASE_URL;
	if (!url) throw new Error('E2E_DATABASE_URL is not set (playwright.config.ts sets it)');
	return url;
}

export const isPostgresProject = () => test.info().project.name === 'postgres';
