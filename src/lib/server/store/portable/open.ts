import { readSync, openSync, closeSync, existsSync } from 'node:fs';
import { isPostgresUrl } from '../open.ts';
import { databaseFile, openDatabase } from '../sqlite/database.ts';
import { fileSnapshot, GZIP_MAGIC } from './file.ts';
import { migratePostgres, postgresLoader, postgresSnapshot } from './postgres.ts';
import { sqliteLoader, sqliteSnapshot } from './sqlite.ts';
import { CopyRefused, type Loader, type Snapshot } from './types.ts';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * A snapshot of the store named by a DATABASE_URL, its schema brought up to date first (as a
 * server starting on it would).
 */
export async function storeSnapshot(url: string | undefined): Promise<Snapshot> {
	if (isPostgresUrl(url)) {
		await migratePostgres(url.trim());
		return postgresSnapshot(url.trim());
	}
	const file = databaseFile(url);
	openDatabase(file).close();
	return sqliteSnapshot(file);
}

/** The store named by a DATABASE_URL, to fill (created and migrated first). */
export async function storeLoader(url: string | undefined): Promise<Loader> {
	return isPostgresUrl(url) ? postgresLoader(url.trim()) : sqliteLoader(databaseFile(url));
}

/** A backup of either kind: a SQLite file (`backup` of a SQLite store) or a portable file (file.ts). */
export function backupSnapshot(file: string): Snapshot {
	if (!existsSync(file)) throw new CopyRefused(`${file} does not exist`);
	const start = Buffer.alloc(SQLITE_MAGIC.length);
	const handle = openSync(file, 'r');
	const length = readSync(handle, start, 0, start.length, 0);
	closeSync(handle);
	if (length === SQLITE_MAGIC.length && start.equals(SQLITE_MAGIC)) return sqliteSnapshot(file, { check: true });
	if (start.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC)) return fileSnapshot(file);
	throw new CopyRefused(`${file} is neither a SQLite backup nor a portable backup of this site`);
}
