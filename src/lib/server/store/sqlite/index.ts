import { organizerAccounts } from '../../organizers/accounts.ts';
import { organizerSessions } from '../../organizers/sessions.ts';
import { pledgeLedger } from '../../pledges/ledger.ts';
import type { Store } from '../types.ts';
import { assertSameFile, canWrite, databaseFile, openDatabase } from './database.ts';
import { sqliteEngine } from './engine.ts';
import { sqliteOrganizerRecords, sqliteSessionRecords } from './organizers.ts';
import { sqliteQuestions } from './questions.ts';
import { sqliteRateLimits } from './rate-limits.ts';
import { sqliteServerSecrets } from './server-secrets.ts';

/** The store on one SQLite file (a path or a `file:` URL), created with its folder and migrated. */
export function openSqliteStore(url?: string): Store {
	const db = openDatabase(databaseFile(url));
	const engine = sqliteEngine(db);
	return {
		engine: 'sqlite',
		...pledgeLedger(engine),
		organizers: organizerAccounts(sqliteOrganizerRecords(db)),
		sessions: organizerSessions(sqliteSessionRecords(db)),
		questions: sqliteQuestions(db, engine),
		limits: sqliteRateLimits(db),
		secrets: sqliteServerSecrets(db),
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
