import type { DatabaseSync } from 'node:sqlite';
import { organizerAccounts, type OrganizerAccounts } from '../organizers/accounts.ts';
import { organizerSessions, type OrganizerSessions } from '../organizers/sessions.ts';
import { sqliteLedger } from '../pledges/sqlite-ledger.ts';
import type { PledgeStore } from '../pledges/types.ts';
import { sqliteQuestions } from '../questions/sqlite-questions.ts';
import type { QuestionStore } from '../questions/types.ts';
import { openDatabase } from './database.ts';

export interface Store extends PledgeStore {
	organizers: OrganizerAccounts;
	sessions: OrganizerSessions;
	questions: QuestionStore;
	/** True when the store answers a query (for /healthz). */
	isHealthy(): boolean;
	close(): void;
}

export function createStore(db: DatabaseSync): Store {
	return {
		...sqliteLedger(db),
		organizers: organizerAccounts(db),
		sessions: organizerSessions(db),
		questions: sqliteQuestions(db),
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
