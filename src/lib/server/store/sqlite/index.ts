import { storeOn } from '../assemble.ts';
import type { Store } from '../types.ts';
import { assertSameFile, canWrite, databaseFile, openDatabase } from './database.ts';
import { sqliteEngine } from './engine.ts';

/** The store on one SQLite file (a path or a `file:` URL), created with its folder and migrated. */
export function openSqliteStore(url?: string): Store {
	const db = openDatabase(databaseFile(url));
	const engine = sqliteEngine(db);
	return {
		...storeOn(engine),
		async health() {
			try {
				assertSameFile(db);
				const canRead = (db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
				return { canRead, canWrite: canRead && (await canWrite(db)) };
			} catch {
				return { canRead: false, canWrite: false };
			}
		},
		async close() {
			await engine.close();
		}
	};
}
