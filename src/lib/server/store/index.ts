import type { DatabaseSync } from 'node:sqlite';
import { organizerAccounts, type OrganizerAccounts } from '../organizers/accounts.ts';
import { organizerSessions, type OrganizerSessions } from '../organizers/sessions.ts';
import { sqliteLedger } from '../pledges/sqlite-ledger.ts';
import type { PledgeStore } from '../pledges/types.ts';
import { sqliteRateLimits } from '../limits/sqlite-rate-limits.ts';
import type { RateLimits } from '../limits/rate-limit.ts';
import { assertSameFile, canWrite, openDatabase } from './database.ts';
import { sqliteServerSecrets, type ServerSecrets } from './sqlite-server-secrets.ts';

export interface Store extends PledgeStore {
	organizers: OrganizerAccounts;
	sessions: OrganizerSessions;
	/** Attempts counted per key (sign-in), the same for every process on the store. */
	limits: RateLimits;
	secrets: ServerSecrets;
	/** Whether the store answers a query, and whether a write reaches the disk (for /healthz). */
	health(): { canRead: boolean; canWrite: boolean };
	close(): void;
}

export function createStore(db: DatabaseSync): Store {
	return {
		...sqliteLedger(db),
		organizers: organizerAccounts(db),
		sessions: organizerSessions(db),
		limits: sqliteRateLimits(db),
		secrets: sqliteServerSecrets(db),
		health() {
			try {
				assertSameFile(db);
				const canRead = (db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
				return { canRead, canWrite: canRead && canWrite(db) };
			} catch {
				return { canRead: false, canWrite: false };
			}
		},
		close() {
			if (db.isOpen) db.close();
		}
	};
}

let store: Store | undefined;

/** The site's store, opened on first use from DATABASE_URL (default data/site.db). */
export function getStore(): Store {
	if (!store) {
		store = createStore(openDatabase());
		const opened = store;
		process.once('sveltekit:shutdown', () => opened.close());
	}
	return store;
}
