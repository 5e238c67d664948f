// The engines the store suites run on, each as the contract opens it (tests/store/contract.ts):
// SQLite on a fresh file, PostgreSQL on a fresh database of the cluster tests/support/vitest-postgres.ts
// started (or TEST_DATABASE_URL). A fresh store is migrated from nothing, or, given a template, a copy of
// a store migrated (and seeded) once per test file: every migration on every test, and the organizer's
// password hashed each time (scrypt, slow on purpose), cost a second a test on PostgreSQL.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { expect, inject, vi } from 'vitest';
import { createDatabase } from '../../src/bin/throwaway-postgres.js';
import { openPostgresStore } from '$lib/server/store/postgres/index';
import { openSqliteStore } from '$lib/server/store/sqlite/index';
import type { Store } from '$lib/server/store/types';
import type { Engine } from './contract';
import type { EngineUnderTest } from './questions-contract';

/** What every store of a suite starts with beyond the schema; made once, on the template. */
export interface Template {
	seed?(store: Store): Promise<unknown>;
}

/** The schema alone. */
export const MIGRATED: Template = {};

/** The schema and the organizer the suites act as: added once, as scrypt is slow on purpose. */
export const WITH_ORGANIZER: Template = { seed: (store) => store.organizers.add('Organizer@Example.org') };

/** The organizer a store copied from WITH_ORGANIZER acts as. */
export async function organizerOf(store: Store): Promise<{ id: string; email: string }> {
	const [organizer] = await store.organizers.list();
	return { id: organizer.id, email: organizer.email };
}

/** Each template made once per test file and engine: the SQLite file, or the PostgreSQL database's name. */
function madeOnce(make: (template: Template) => Promise<string>) {
	const made = new Map<Template, Promise<string>>();
	return (template: Template) => {
		let copy = made.get(template);
		if (!copy) made.set(template, (copy = make(template)));
		return copy;
	};
}

async function seeded(store: Store, template: Template): Promise<void> {
	try {
		await template.seed?.(store);
	} finally {
		await store.close();
	}
}

const sqliteTemplate = madeOnce(async (template) => {
	const file = join(mkdtempSync(join(tmpdir(), 'imrf-template-')), 'site.db');
	await seeded(openSqliteStore(file), template);
	// Closing the last connection folds the write-ahead log into the file: the file alone is the copy.
	return file;
});

export function sqlite(template?: Template): Engine {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-store-'));
	const file = join(dir, 'nested', 'site.db');
	return {
		async open() {
			if (!template) return openSqliteStore(file);
			mkdirSync(dirname(file), { recursive: true });
			copyFileSync(await sqliteTemplate(template), file);
			return openSqliteStore(file);
		},
		reopen: async () => openSqliteStore(file),
		cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
		prepare: async () => void (template && (await sqliteTemplate(template)))
	};
}

const postgresTemplate = madeOnce(async (template) => {
	const url = await createDatabase(inject('postgresUrl'), 'imrf_template');
	await seeded(await openPostgresStore(url), template);
	const name = new URL(url).pathname.slice(1);
	await closeToConnections(name);
	return name;
});

/**
 * PostgreSQL copies a database only while no one is connected to it, and a closed store's connections
 * may still be ending (its listener's last one among them), or the server's autovacuum may have come:
 * none may come now, those left are ended, and their going is awaited.
 */
async function closeToConnections(database: string): Promise<void> {
	const client = new pg.Client({ connectionString: inject('postgresUrl') });
	await client.connect();
	try {
		await client.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
		await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
		await vi.waitFor(
			async () => {
				const { rows } = await client.query('SELECT count(*)::int AS connected FROM pg_stat_activity WHERE datname = $1', [database]);
				expect(rows[0].connected).toBe(0);
			},
			{ timeout: 30_000, interval: 50 }
		);
	} finally {
		await client.end();
	}
}

export function postgres(template?: Template): Engine {
	let url: Promise<string> | undefined;
	const copied = async () => createDatabase(inject('postgresUrl'), 'imrf_contract', undefined, template && (await postgresTemplate(template)));
	const database = () => (url ??= copied());
	return {
		open: async () => openPostgresStore(await database()),
		reopen: async () => openPostgresStore(await database()),
		prepare: async () => void (template && (await postgresTemplate(template)))
	};
}

/** A fresh, empty store of the engine, and how to let it go (the domain contracts' factory). */
export async function freshStore(engine: () => Engine): Promise<EngineUnderTest> {
	const { open, cleanUp } = engine();
	const site = await open();
	return {
		site,
		async close() {
			await site.close();
			await cleanUp?.();
		}
	};
}

export const ENGINES = [
	{ name: 'SQLite', engine: sqlite },
	{ name: 'PostgreSQL', engine: postgres }
];
