import type { OrganizerAccounts } from '../organizers/accounts.ts';
import type { OrganizerSessions } from '../organizers/sessions.ts';
import type { PledgeStore } from '../pledges/types.ts';

/**
 * Everything the server keeps, behind one asynchronous interface implemented once per engine:
 * `sqlite/` (one file, the default) and `postgres/` (several instances on one database).
 */
export interface Store extends PledgeStore {
	readonly engine: 'sqlite' | 'postgres';
	organizers: OrganizerAccounts;
	sessions: OrganizerSessions;
	/** True when the store answers a query (for /healthz). */
	isHealthy(): Promise<boolean>;
	close(): Promise<void>;
}

/** The store cannot be reached now (PostgreSQL down or restarting): answer 503, try again later. */
export class StoreUnavailableError extends Error {
	constructor(cause: unknown) {
		super('The store is unavailable.', { cause });
		this.name = 'StoreUnavailableError';
	}
}
