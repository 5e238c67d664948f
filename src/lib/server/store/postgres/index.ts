import { storeOn } from '../assemble.ts';
import type { Store } from '../types.ts';
import { createPool, migrate } from './database.ts';
import { postgresEngine } from './engine.ts';

/** The store on PostgreSQL (`postgres://…`), shared by every instance; migrated on open. */
export async function openPostgresStore(url: string): Promise<Store> {
	const pool = createPool(url);
	try {
		await migrate(pool);
	} catch (error) {
		await pool.end().catch(() => {});
		throw error;
	}
	const engine = postgresEngine(pool, url);
	return {
		...storeOn(engine),
		async health() {
			try {
				const { rows } = await pool.query<{ ok: number }>('SELECT 1 AS ok');
				if (rows[0]?.ok !== 1) return { canRead: false, canWrite: false };
			} catch {
				return { canRead: false, canWrite: false };
			}
			try {
				await pool.query('INSERT INTO store_probe (id, at) VALUES (1, now()) ON CONFLICT (id) DO UPDATE SET at = excluded.at');
				return { canRead: true, canWrite: true };
			} catch {
				return { canRead: true, canWrite: false };
			}
		},
		async close() {
			// Ends the pool too.
			await engine.close().catch(() => {});
		}
	};
}
