import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from '@playwright/test';
import { createDatabase } from '../../src/bin/throwaway-postgres.js';

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

/**
 * The tag of the tests the `postgres` project runs again on PostgreSQL (playwright.config.ts greps it):
 * those whose answer goes through SQL that each engine writes its own way (searches, pages and cursors,
 * counts, transactions, notifications between instances, input that one engine refuses), on top of
 * the store's contract suite that runs every store method on both engines (tests/store). Markup,
 * accessibility and browser journeys do not depend on the engine: they run once.
 */
export const BOTH_ENGINES = { tag: '@both-engines' };

/**
 * A store of a suite's own on the project's engine: a fresh PostgreSQL database on the test cluster
 * (`postgres` project), else a fresh SQLite file; and how to remove the file afterwards.
 */
export async function ownDatabase(prefix: string): Promise<{ url: string; remove: () => void }> {
	if (isPostgresProject()) {
		const adminUrl = process.env.TEST_DATABASE_URL;
		if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set (tests/support/postgres-setup.ts sets it)');
		return { url: await createDatabase(adminUrl, `imrf_${prefix}`), remove: () => {} };
	}
	const dir = mkdtempSync(join(tmpdir(), `imrf-${prefix}-`));
	return { url: join(dir, 'site.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
