import { rename, rm } from 'node:fs/promises';
import { backup, DatabaseSync } from 'node:sqlite';
import { isPostgresUrl } from '../open.ts';
import { databaseFile, openDatabase } from '../sqlite/database.ts';
import { copyStore, digestOf, type CopyReport } from './copy.ts';
import type { StoreDigest } from './digest.ts';
import { fileLoader } from './file.ts';
import { migratePostgres, postgresSnapshot } from './postgres.ts';
import { sqliteSnapshot } from './sqlite.ts';

const ALL_PAGES = 2 ** 31 - 1;

/**
 * Backs up the store named by a DATABASE_URL into `file` while servers keep writing. SQLite: its own
 * online backup, a consistent copy of the file, checked and made self-contained (no WAL beside it).
 * PostgreSQL: one snapshot in the portable format (file.ts). Both restore into either engine.
 * Gives what the backup holds, read back from it.
 */
export async function backupStore(url: string | undefined, file: string, onProgress?: (copied: number, total: number) => void): Promise<StoreDigest> {
	if (isPostgresUrl(url)) {
		await migratePostgres(url.trim());
		const snapshot = await postgresSnapshot(url.trim());
		let report: CopyReport;
		try {
			report = await copyStore(snapshot, fileLoader(file), { onProgress: ({ copied, total }) => onProgress?.(copied, total) });
		} finally {
			await snapshot.close();
		}
		if (report.differences.length > 0) throw new Error(`the backup does not read back as written: ${report.differences.join('; ')}`);
		return report.target;
	}
	const partial = `${file}.partial`;
	const source = openDatabase(databaseFile(url));
	try {
		// In one step (every page at once): a backup made in steps starts again whenever another
		// connection writes between two, and with a server writing all the time might never end. WAL
		// lets writers go on meanwhile.
		await backup(source, partial, { rate: ALL_PAGES, progress: ({ totalPages, remainingPages }) => onProgress?.(totalPages - remainingPages, totalPages) });
	} catch (error) {
		await rm(partial, { force: true });
		throw error;
	} finally {
		source.close();
	}
	const copy = new DatabaseSync(partial);
	copy.exec('PRAGMA journal_mode = DELETE');
	copy.close();
	const snapshot = sqliteSnapshot(partial, { check: true });
	let digest: StoreDigest;
	try {
		digest = await digestOf(snapshot);
	} finally {
		await snapshot.close();
	}
	await rename(partial, file);
	return digest;
}
