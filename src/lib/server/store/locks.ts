import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Engine } from './engine.ts';
import type { Database } from './schema.ts';

/** A transaction-level advisory lock's key (a signed 64-bit number) for a lock's name, apart from the migrations' lock. */
const lockKey = (name: string) => createHash('sha256').update(`store-lock:${name}`).digest().readBigInt64BE(0);

/**
 * Holds the named locks until the transaction ends, so that writes which must not interleave wait
 * for each other. On PostgreSQL, advisory locks taken in key order (two writes never deadlock);
 * SQLite has one writer at a time, which holds them all already.
 */
export async function holdLocks(kind: Engine['kind'], db: Kysely<Database>, names: readonly string[]): Promise<void> {
	if (kind !== 'postgres') return;
	const keys = [...new Set(names.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	for (const key of keys) await sql`SELECT pg_advisory_xact_lock(${key.toString()}::bigint)`.execute(db);
}
