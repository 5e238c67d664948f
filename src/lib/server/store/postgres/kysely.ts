import { Kysely, PostgresDialect, type KyselyPlugin, type PostgresPool, type PostgresPoolClient, type UnknownRow } from 'kysely';
import type pg from 'pg';
import type { Database } from '../schema.ts';
import { checkOut } from './database.ts';

/** The pool as Kysely's dialect takes it, its connections checked out with the store's care (database.ts). */
function guardedPool(pool: pg.Pool): PostgresPool {
	return {
		options: pool.options,
		end: () => pool.end(),
		connect: async () => {
			const client = await checkOut(pool);
			return { query: client.query as unknown as PostgresPoolClient['query'], release: client.release };
		}
	};
}

/** Instants read as ISO 8601 text, as SQLite stores them: the schema declares one type for both. */
const instantsAsText: KyselyPlugin = {
	transformQuery: ({ node }) => node,
	async transformResult({ result }) {
		for (const row of result.rows as UnknownRow[]) {
			for (const [column, value] of Object.entries(row)) if (value instanceof Date) row[column] = value.toISOString();
		}
		return result;
	}
};

/** The typed query builder on the store's pool (database.ts). */
export function postgresKysely(pool: pg.Pool): Kysely<Database> {
	return new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardedPool(pool) }), plugins: [instantsAsText] });
}
