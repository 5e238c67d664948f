import { organizerAccounts } from '../../organizers/accounts.ts';
import { organizerSessions } from '../../organizers/sessions.ts';
import type { Store } from '../types.ts';
import { createPool, migrate } from './database.ts';
import { postgresLedger } from './ledger.ts';
import { postgresOrganizerRecords, postgresSessionRecords } from './organizers.ts';
import { postgresRateLimits, postgresServerSecrets } from './rate-limits.ts';

/** The store on PostgreSQL (`postgres://…`), shared by every instance; migrated on open. */
export async function openPostgresStore(url: string): Promise<Store> {
	const pool = createPool(url);
	try {
		await migrate(pool);
	} catch (error) {
		await pool.end().catch(() => {});
		throw error;
	}
	const ledger = postgresLedger(pool, url);
	return {
		engine: 'postgres',
		...ledger,
		organizers: organizerAccounts(postgresOrganizerRecords(pool)),
		sessions: organizerSessions(postgresSessionRecords(pool)),
		limits: postgresRateLimits(pool),
		secrets: postgresServerSecrets(pool),
		async isHealthy() {
			try {
				const { rows } = await pool.query<{ ok: number }>('SELECT 1 AS ok');
				return rows[0]?.ok === 1;
			} catch {
				return false;
			}
		},
		async close() {
			await pool.end().catch(() => {});
		}
	};
}
