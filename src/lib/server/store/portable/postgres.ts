import pg from 'pg';
import { createPool, migrate } from '../postgres/database.ts';
import { parentsFirst } from './order.ts';
import { columnKind, fromPostgres, toPostgres, type ColumnKind } from './postgres-values.ts';
import { rowsMigrationsPut } from './sqlite.ts';
import { CopyRefused, type Loader, type Plan, type Snapshot, type TableShape } from './types.ts';

const BATCH_ROWS = 2_000;
// PostgreSQL binds at most 65,535 parameters in one statement.
const MAX_PARAMETERS = 60_000;
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

interface PostgresTable extends TableShape {
	kinds: ColumnKind[];
	/** Its identity column, whose sequence a copy carries. */
	identity?: string;
}

/** As the store reads them (store/postgres/database.ts): bigint as a number, a day as its text. */
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
		if (oid === 20) return (value: string) => Number(value);
		if (oid === 1082) return (value: string) => value;
		return pg.types.getTypeParser(oid, format);
	}) as typeof pg.types.getTypeParser
};

async function connect(url: string): Promise<pg.Client> {
	const client = new pg.Client({ connectionString: url, types, application_name: 'imrf-store-copy' });
	try {
		await client.connect();
	} catch (error) {
		throw new CopyRefused(`PostgreSQL cannot be reached at ${redacted(url)}: ${error instanceof Error ? error.message : error}`);
	}
	return client;
}

/** The URL without its password, to name it in messages. */
export function redacted(url: string): string {
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.href;
	} catch {
		return 'the PostgreSQL URL';
	}
}

/** The store's tables in the current schema (not the migrations' record), parents first. */
async function tablesOf(client: pg.Client): Promise<PostgresTable[]> {
	const { rows: columns } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_identity: string }>(
		`SELECT c.table_name, c.column_name, c.data_type, c.udt_name, c.is_identity
		FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
		WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> 'migrations'
		ORDER BY c.table_name, c.ordinal_position`
	);
	const { rows: keys } = await client.query<{ child: string; parent: string }>(
		`SELECT child.relname AS child, parent.relname AS parent FROM pg_constraint c
		JOIN pg_class child ON child.oid = c.conrelid JOIN pg_class parent ON parent.oid = c.confrelid
		WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`
	);
	const byName = new Map<string, PostgresTable>();
	for (const column of columns) {
		let table = byName.get(column.table_name);
		if (!table) byName.set(column.table_name, (table = { name: column.table_name, columns: [], kinds: [] }));
		table.columns.push(column.column_name);
		table.kinds.push(columnKind(column.table_name, column.column_name, column.data_type, column.udt_name));
		if (column.is_identity === 'YES') table.identity = column.column_name;
	}
	const parents = new Map<string, string[]>();
	for (const { child, parent } of keys) parents.set(child, [...(parents.get(child) ?? []), parent]);
	return parentsFirst([...byName.keys()], parents).map((name) => byName.get(name) as PostgresTable);
}

async function sequencesOf(client: pg.Client, tables: readonly PostgresTable[]): Promise<Record<string, number>> {
	const sequences: Record<string, number> = {};
	for (const table of tables) {
		if (!table.identity) continue;
		const { rows } = await client.query<{ last: number | null }>('SELECT pg_sequence_last_value(pg_get_serial_sequence($1, $2)) AS last', [quoted(table.name), table.identity]);
		sequences[table.name] = rows[0]?.last ?? 0;
	}
	return sequences;
}

/** A read of a PostgreSQL store in one REPEATABLE READ transaction: one snapshot, while instances go on writing. */
export async function postgresSnapshot(url: string): Promise<Snapshot> {
	const client = await connect(url);
	await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
	const tables = await tablesOf(client);
	const shapeOf = (name: string) => tables.find((table) => table.name === name) as PostgresTable;
	return {
		description: `PostgreSQL ${redacted(url)}`,
		async plan(): Promise<Plan> {
			const counted = [];
			for (const table of tables) {
				const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quoted(table.name)}`);
				counted.push({ name: table.name, columns: table.columns, rows: rows[0].n });
			}
			return { tables: counted, sequences: await sequencesOf(client, tables) };
		},
		async *rows(table) {
			const { kinds, columns } = shapeOf(table.name);
			const kindOf = table.columns.map((column) => kinds[columns.indexOf(column)]);
			await client.query(`DECLARE copy_rows NO SCROLL CURSOR FOR SELECT ${table.columns.map(quoted).join(', ')} FROM ${quoted(table.name)}`);
			try {
				for (;;) {
					const { rows } = await client.query({ text: `FETCH ${BATCH_ROWS} FROM copy_rows`, rowMode: 'array' });
					if (rows.length === 0) break;
					yield (rows as unknown[][]).map((row) => row.map((value, index) => fromPostgres(kindOf[index], value)));
				}
			} finally {
				await client.query('CLOSE copy_rows');
			}
		},
		async finish() {},
		async close() {
			await client.query('ROLLBACK').catch(() => {});
			await client.end();
		}
	};
}

/** Brings a PostgreSQL store's schema up to date, as an instance starting on it would. */
export async function migratePostgres(url: string): Promise<void> {
	const pool = createPool(url);
	try {
		await migrate(pool);
	} catch (error) {
		throw new CopyRefused(`PostgreSQL at ${redacted(url)} cannot be migrated: ${error instanceof Error ? error.message : error}`);
	} finally {
		await pool.end();
	}
}

/** Fills a PostgreSQL store (migrated first) in one transaction. */
export async function postgresLoader(url: string): Promise<Loader> {
	await migratePostgres(url);
	const client = await connect(url);
	const tables = await tablesOf(client);
	const shapeOf = (name: string) => tables.find((table) => table.name === name) as PostgresTable;
	return {
		description: `PostgreSQL ${redacted(url)}`,
		async tables() {
			return tables.map(({ name, columns }) => ({ name, columns }));
		},
		async tablesWithData() {
			const seeded = rowsMigrationsPut();
			const found: Record<string, number> = {};
			for (const { name } of tables) {
				const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quoted(name)}`);
				if (rows[0].n > (seeded[name] ?? 0)) found[name] = rows[0].n;
			}
			return found;
		},
		async begin() {
			await client.query('BEGIN');
		},
		async clear(names) {
			if (names.length > 0) await client.query(`TRUNCATE ${names.map(quoted).join(', ')}`);
		},
		async insert(table, rows) {
			const { kinds, columns, identity } = shapeOf(table.name);
			const kindOf = table.columns.map((column) => kinds[columns.indexOf(column)]);
			const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / table.columns.length));
			for (let start = 0; start < rows.length; start += perStatement) {
				const chunk = rows.slice(start, start + perStatement);
				const values: unknown[] = [];
				const tuples = chunk.map((row) => {
					const placeholders = row.map((value, index) => {
						values.push(toPostgres(kindOf[index], value, `${table.name}.${table.columns[index]}`));
						return `$${values.length}`;
					});
					return `(${placeholders.join(', ')})`;
				});
				// Identity columns refuse a given value unless told: the source's numbers are kept.
				const override = identity ? ' OVERRIDING SYSTEM VALUE' : '';
				await client.query(`INSERT INTO ${quoted(table.name)} (${table.columns.map(quoted).join(', ')})${override} VALUES ${tuples.join(', ')}`, values);
			}
		},
		async setSequences(sequences) {
			for (const table of tables) {
				if (!table.identity) continue;
				const value = sequences[table.name] ?? 0;
				// setval(…, 1, false): the next number given is 1, and none was given yet.
				await client.query('SELECT setval(pg_get_serial_sequence($1, $2), $3, $4)', [quoted(table.name), table.identity, Math.max(value, 1), value > 0]);
			}
		},
		async commit() {
			await client.query('COMMIT');
		},
		async rollback() {
			await client.query('ROLLBACK').catch(() => {});
		},
		reopen: () => postgresSnapshot(url),
		async close() {
			await client.end();
		}
	};
}
