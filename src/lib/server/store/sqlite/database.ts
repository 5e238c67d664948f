import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { MIGRATIONS } from './migrations.ts';

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
	const db = new DatabaseSync(file);
	db.exec('PRAGMA busy_timeout = 5000');
	db.exec('PRAGMA journal_mode = WAL');
	db.exec('PRAGMA synchronous = FULL');
	db.exec('PRAGMA foreign_keys = ON');
	migrate(db);
	return db;
}

function migrate(db: DatabaseSync): void {
	inTransaction(db, () => {
		db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
		const row = db.prepare('SELECT MAX(version) AS version FROM migrations').get() as { version: number | null };
		const current = row.version ?? 0;
		MIGRATIONS.forEach((sql, index) => {
			const version = index + 1;
			if (version <= current) return;
			db.exec(sql);
			db.prepare('INSERT INTO migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
		});
	});
}

/**
 * Runs `work` in a write transaction. BEGIN IMMEDIATE takes the write lock up front, so two
 * processes never both read and then fail to upgrade; busy_timeout makes the second one wait.
 */
export function inTransaction<T>(db: DatabaseSync, work: () => T): T {
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
