import pg from 'pg';
import { logger } from '../../log/logger.js';
import { StoreUnavailableError } from '../store-faults.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';

export type Query = <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;

// SQLSTATE classes that mean "the server is not there right now", not "this query is wrong".
const UNAVAILABLE_CODES = /^(08|57P0[1-4]|53300|3D000)/;
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/** A connection failure becomes StoreUnavailableError (answered 503); anything else stays as it is. */
export function classify(error: unknown): unknown {
	if (error instanceof StoreUnavailableError) return error;
	const { code, message } = (error ?? {}) as { code?: string; message?: string };
	const isUnavailable =
		(code !== undefined && (UNAVAILABLE_CODES.test(code) || UNAVAILABLE_ERRNOS.has(code))) ||
		/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(message ?? '');
	return isUnavailable ? new StoreUnavailableError(`PostgreSQL cannot be reached: ${message ?? code}`) : error;
}

// Read as the schema declares them (src/lib/server/store/schema.ts): bigint as a number (every
// sequence and instant in ms here is far below 2^53), a day as its `YYYY-MM-DD` text.
const INT8 = 20;
const DATE = 1082;
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
		if (oid === INT8) return (value: string) => Number(value);
		if (oid === DATE) return (value: string) => value;
		return pg.types.getTypeParser(oid, format);
	}) as typeof pg.types.getTypeParser
};

/** Settings of the pool: small, since PostgreSQL's own group commit shares fsyncs between connections. */
export function createPool(url: string): pg.Pool {
	const pool = new pg.Pool({
		connectionString: url,
		types,
		max: Number(process.env.DATABASE_POOL_SIZE) || 10,
		connectionTimeoutMillis: 5_000,
		idleTimeoutMillis: 30_000,
		// A query on a connection the server dropped fails instead of waiting for ever.
		query_timeout: 30_000,
		application_name: 'imrf-side-event'
	});
	// An idle client whose server went away: the pool drops it; the next query opens a new one.
	pool.on('error', (error) => console.error('postgres: idle connection lost:', error.message));
	return pool;
}

export function poolQuery(pool: pg.Pool): Query {
	return async (text, values) => {
		try {
			return (await pool.query(text, values)).rows;
		} catch (error) {
			throw classify(error);
		}
	};
}

/** A connection checked out of the pool, given back (or discarded) by `release`. */
export interface CheckedOut {
	query(text: string, values?: readonly unknown[]): Promise<pg.QueryResult>;
	release(destroy?: boolean): void;
}

/**
 * Checks out a connection whose failures are classified, and which is discarded, not given back to
 * the pool, once the server dropped it: the server may drop a checked-out connection between two
 * queries, and its 'error' event, unheard, would end the process.
 */
export async function checkOut(pool: pg.Pool): Promise<CheckedOut> {
	let client: pg.PoolClient;
	try {
		client = await pool.connect();
	} catch (error) {
		throw classify(error);
	}
	let broken: Error | undefined;
	const onError = (error: Error) => (broken = error);
	client.on('error', onError);
	return {
		async query(text, values) {
			try {
				return await client.query(text, values as unknown[]);
			} catch (error) {
				const classified = classify(error);
				if (classified instanceof StoreUnavailableError) broken = classified;
				throw classified;
			}
		},
		release(destroy) {
			client.off('error', onError);
			client.release(broken ?? destroy);
		}
	};
}

/** Runs `work` in one transaction on one pooled connection; a broken connection is discarded, not reused. */
export async function inTransaction<T>(pool: pg.Pool, work: (query: Query) => Promise<T>): Promise<T> {
	const client = await checkOut(pool);
	const query: Query = async (text, values) => (await client.query(text, values)).rows;
	let isBroken = false;
	try {
		await client.query('BEGIN');
		const result = await work(query);
		await client.query('COMMIT');
		return result;
	} catch (error) {
		if (!(error instanceof StoreUnavailableError)) await client.query('ROLLBACK').catch(() => (isBroken = true));
		throw error;
	} finally {
		client.release(isBroken);
	}
}

/** Brings the schema up to date; an advisory lock keeps two instances starting together from both migrating. */
export async function migrate(pool: pg.Pool): Promise<void> {
	await inTransaction(pool, async (query) => {
		await query('SELECT pg_advisory_xact_lock(20220518)');
		await query('CREATE TABLE IF NOT EXISTS migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)');
		const [{ version }] = await query<{ version: number | null }>('SELECT MAX(version) AS version FROM migrations');
		for (const [index, step] of POSTGRES_MIGRATIONS.entries()) {
			if (index + 1 <= (version ?? 0)) continue;
			if (typeof step === 'string') await query(step);
			else await step(query);
			await query('INSERT INTO migrations (version, applied_at) VALUES ($1, now())', [index + 1]);
		}
		if (POSTGRES_MIGRATIONS.length > (version ?? 0)) logger.info({ engine: 'postgres', from: version ?? 0, to: POSTGRES_MIGRATIONS.length }, 'migration');
	});
}
