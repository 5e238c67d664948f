import type { DatabaseSync } from 'node:sqlite';
import { organizerAccounts, type OrganizerAccounts } from '../organizers/accounts.ts';
import { organizerSessions, type OrganizerSessions } from '../organizers/sessions.ts';
import { sqliteLedger } from '../pledges/sqlite-ledger.ts';
import type { PledgeStore } from '../pledges/types.ts';
import { sqliteRateLimits } from '../limits/sqlite-rate-limits.ts';
import type { RateLimits } from '../limits/rate-limit.ts';
import { openDatabase } from './database.ts';
import { sqliteServerSecrets, type ServerSecrets } from './sqlite-server-secrets.ts';

export interface Store extends PledgeStore {
	organizers: OrganizerAccounts;
	sessions: OrganizerSessions;
	/** Attempts counted per key (sign-in), the same for every process on the store. */
	limits: RateLimits;
	secrets: ServerSecrets;
	/** True when the store answers a query (for /healthz). */
	isHealthy(): boolean;
	close(): void;
}

export function createStore(db: DatabaseSync): Store {
	return {
		...sqliteLedger(db),
		organizers: organizerAccounts(db),
		sessions: organizerSessions(db),
		limits: sqliteRateLimits(db),
		secrets: sqliteServerSecrets(db),
		isHealthy() {
			try {
				return (db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
			} catch {
				return false;
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
