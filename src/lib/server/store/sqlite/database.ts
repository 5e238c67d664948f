import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { inTurn } from './kysely.ts';
import { MIGRATIONS } from './migrations.ts';
import { logger } from '../../log/logger.js';
import { StoreUnavailableError } from '../store-faults.ts';

// Taken from Node at run time rather than imported: adapter-node's bundler does not know node:sqlite and
// warned on every build that it "could not be resolved".
const sqlite = process.getBuiltinModule('node:sqlite');

export const DEFAULT_DATABASE_FILE = 'data/site.db';

/** The SQLite file named by `DATABASE_URL` (a path, or a `file:` URL), else `data/site.db`. */
export function databaseFile(url = process.env.DATABASE_URL): string {
	const value = url?.trim() || DEFAULT_DATABASE_FILE;
	return resolve(value.startsWith('file:') ? value.slice('file:'.length).replace(/^\/\/(?=\/)/, '') : value);
}

/**
 * Opens the store's file, creating it and its folder, and brings its schema up to date.
 * WAL lets readers (pages) run beside a writer (and the organizers command, another process);
 * synchronous=FULL makes a commit durable before it returns, so an acknowledged write survives kill -9.
 */
export function openDatabase(file = databaseFile()): DatabaseSync {
	mkdirSync(dirname(file), { recursive: true });
	const db = new sqlite.DatabaseSync(file);
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		db.exec('PRAGMA journal_mode = WAL');
		db.exec('PRAGMA synchronous = FULL');
		db.exec('PRAGMA foreign_keys = ON');
		// A damaged file is refused at start, named, rather than answering 500 on every page later.
		const check = db.prepare('PRAGMA quick_check(1)').get() as { quick_check: string } | undefined;
		if (check?.quick_check !== 'ok') throw new Error(check?.quick_check ?? 'no answer');
		migrate(db);
	} catch (error) {
		db.close();
		throw new Error(`the store ${file} cannot be opened: ${error instanceof Error ? error.message : error}`, { cause: error });
	}
	const { dev, ino } = statSync(file);
	openedFiles.set(db, { file, dev, ino });
	return db;
}

// The file each database was opened from: a write to a file since removed or replaced would be lost.
const openedFiles = new WeakMap<DatabaseSync, { file: string; dev: number; ino: number }>();

/** Refuses to go on when the store's path no longer names the file this database has open. */
export function assertSameFile(db: DatabaseSync): void {
	const opened = openedFiles.get(db);
	if (!opened) return;
	let current: { dev: number; ino: number } | undefined;
	try {
		current = statSync(opened.file);
	} catch {
		current = undefined;
	}
	if (current?.dev !== opened.dev || current.ino !== opened.ino) {
		throw new StoreUnavailableError(`the store ${opened.file} was removed or replaced while the server ran; restart it on the right file`);
	}
}

/** Whether a write can reach the disk now: a real one-row write, committed (for /healthz). */
export async function canWrite(db: DatabaseSync): Promise<boolean> {
	try {
		await inTransaction(db, () => db.prepare('INSERT INTO store_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at').run(new Date().toISOString()));
		return true;
	} catch {
		return false;
	}
}

function migrate(db: DatabaseSync): void {
	transactionNow(db, () => {
		db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
		const row = db.prepare('SELECT MAX(version) AS version FROM migrations').get() as { version: number | null };
		const current = row.version ?? 0;
		MIGRATIONS.forEach((step, index) => {
			const version = index + 1;
			if (version <= current) return;
			if (typeof step === 'string') db.exec(step);
			else step(db);
			db.prepare('INSERT INTO migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
		});
		if (MIGRATIONS.length > current) logger.info({ engine: 'sqlite', from: current, to: MIGRATIONS.length }, 'migration');
	});
}

/**
 * Runs `work` in a write transaction, in the connection's turn (kysely.ts). BEGIN IMMEDIATE takes the
 * write lock up front, so two processes never both read and then fail to upgrade; busy_timeout makes
 * the second one wait.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): Promise<T> {
	return inTurn(db, () => transactionNow(db, work));
}

function transactionNow<T>(db: DatabaseSync, work: () => T): T {
	assertSameFile(db);
	db.exec('BEGIN IMMEDIATE');
	try {
		const result = work();
		db.exec('COMMIT');
		return result;
	} catch (error) {
		if (db.isTransaction) db.exec('ROLLBACK');
		throw error;
	}
}
