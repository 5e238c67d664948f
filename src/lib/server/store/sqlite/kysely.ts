import { Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import type { DatabaseSync, SQLInputValue, StatementSync } from 'node:sqlite';
import type { Database } from '../schema.ts';

// Kysely compiles the same few statements again and again: each is prepared once.
const MAX_CACHED_STATEMENTS = 200;

/** node:sqlite's DatabaseSync in the shape Kysely's SqliteDialect expects (better-sqlite3's). */
function asKyselyDatabase(db: DatabaseSync): SqliteDatabase {
	const statements = new Map<string, StatementSync>();
	const prepared = (text: string) => {
		let statement = statements.get(text);
		if (!statement) {
			if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
			statement = db.prepare(text);
			statements.set(text, statement);
		}
		return statement;
	};
	// node:sqlite binds numbers, strings, bytes and null; a boolean is stored as SQLite stores it, 0 or 1.
	const bound = (parameters: readonly unknown[]) => parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value) as SQLInputValue);
	return {
		close: () => {
			if (db.isOpen) db.close();
		},
		prepare(text) {
			const statement = prepared(text);
			return {
				reader: statement.columns().length > 0,
				all: (parameters) => statement.all(...bound(parameters)),
				run: (parameters) => statement.run(...bound(parameters)),
				iterate: (parameters) => statement.iterate(...bound(parameters))
			};
		}
	};
}

/** Lets one query or transaction at a time use the single connection (Kysely's SQLite driver does not). */
class Turns {
	#isTaken = false;
	readonly #waiting: (() => void)[] = [];

	async take(): Promise<void> {
		if (!this.#isTaken) {
			this.#isTaken = true;
			return;
		}
		await new Promise<void>((resolve) => this.#waiting.push(resolve));
	}

	give(): void {
		const next = this.#waiting.shift();
		if (next) next();
		else this.#isTaken = false;
	}
}

/**
 * One connection shared by every query of the process, in turns: a read never sees a transaction's
 * writes before they are committed, and a transaction's statements are never interleaved with others'.
 */
class SerialSqliteDriver extends SqliteDriver {
	readonly #turns: Turns;

	constructor(config: SqliteDialectConfig, turns: Turns) {
		super(config);
		this.#turns = turns;
	}

	override async acquireConnection(): Promise<DatabaseConnection> {
		await this.#turns.take();
		return super.acquireConnection();
	}

	override async releaseConnection(): Promise<void> {
		this.#turns.give();
	}
}

class SerialSqliteDialect extends SqliteDialect {
	readonly #config: SqliteDialectConfig;
	readonly #turns: Turns;

	constructor(config: SqliteDialectConfig, turns: Turns) {
		super(config);
		this.#config = config;
		this.#turns = turns;
	}

	override createDriver(): Driver {
		return new SerialSqliteDriver(this.#config, this.#turns);
	}
}

const turnsOf = new WeakMap<DatabaseSync, Turns>();

/** The typed query builder on an open SQLite file (opened, configured and migrated by database.ts). */
export function sqliteKysely(db: DatabaseSync): Kysely<Database> {
	const turns = new Turns();
	turnsOf.set(db, turns);
	return new Kysely<Database>({ dialect: new SerialSqliteDialect({ database: asKyselyDatabase(db) }, turns) });
}

/**
 * Runs synchronous work on the connection in its turn: never inside a transaction of the query
 * builder's that is waiting for a statement (its BEGIN would fail, its reads see uncommitted rows).
 */
export async function inTurn<T>(db: DatabaseSync, work: () => T): Promise<T> {
	const turns = turnsOf.get(db);
	if (!turns) return work();
	await turns.take();
	try {
		return work();
	} finally {
		turns.give();
	}
}
