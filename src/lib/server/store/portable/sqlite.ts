import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync, type SQLInputValue } from 'node:sqlite';
import { openDatabase } from '../sqlite/database.ts';
import { parentsFirst } from './order.ts';
import { CopyRefused, type Loader, type Plan, type Snapshot, type TableShape, type Value } from './types.ts';

const BATCH_ROWS = 2_000;
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The store's tables (not SQLite's own, nor the migrations' record), parents first, with their columns. */
function tablesOf(db: DatabaseSync): (TableShape & { hasSequence: boolean })[] {
	const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations'").all() as { name: string; sql: string }[];
	const parents = new Map(rows.map(({ name }) => [name, (db.prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)').all(name) as { parent: string }[]).map((row) => row.parent)]));
	return parentsFirst(
		rows.map((row) => row.name),
		parents
	).map((name) => ({
		name,
		columns: (db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(name) as { name: string }[]).map((row) => row.name),
		hasSequence: /\bAUTOINCREMENT\b/i.test(rows.find((row) => row.name === name)?.sql ?? '')
	}));
}

function countOf(db: DatabaseSync, table: string): number {
	return (db.prepare(`SELECT COUNT(*) AS n FROM ${quoted(table)}`).get() as { n: number }).n;
}

/**
 * A read of a SQLite file in one transaction: in WAL mode it sees the file as of its first read,
 * while the server goes on writing. `check` first verifies the file's structure (a backup).
 */
export function sqliteSnapshot(file: string, options: { check?: boolean } = {}): Snapshot {
	if (!existsSync(file)) throw new CopyRefused(`${file} does not exist`);
	const db = new DatabaseSync(file);
	try {
		db.exec('PRAGMA busy_timeout = 5000');
		if (options.check) {
			const { integrity_check } = db.prepare('PRAGMA integrity_check(1)').get() as { integrity_check: string };
			if (integrity_check !== 'ok') throw new Error(integrity_check);
		}
		db.exec('BEGIN');
		// The snapshot starts at the first read, not at BEGIN.
		db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
	} catch (error) {
		db.close();
		throw new CopyRefused(`${file} is not a readable SQLite store: ${error instanceof Error ? error.message : error}`);
	}
	return {
		description: `SQLite ${file}`,
		async plan(): Promise<Plan> {
			const tables = tablesOf(db);
			const known = new Set(tables.filter((table) => table.hasSequence).map((table) => table.name));
			const sequenceRows = db.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[];
			const sequences = Object.fromEntries(tables.filter((table) => table.hasSequence).map((table) => [table.name, 0]));
			for (const { name, seq } of sequenceRows) if (known.has(name)) sequences[name] = seq;
			return { tables: tables.map(({ name, columns }) => ({ name, columns, rows: countOf(db, name) })), sequences };
		},
		async *rows(table) {
			const statement = db.prepare(`SELECT ${table.columns.map(quoted).join(', ')} FROM ${quoted(table.name)}`);
			statement.setReturnArrays(true);
			let batch: Value[][] = [];
			for (const row of statement.iterate()) {
				batch.push(row as unknown as Value[]);
				if (batch.length === BATCH_ROWS) {
					yield batch;
					batch = [];
				}
			}
			if (batch.length > 0) yield batch;
		},
		async finish() {},
		async close() {
			if (db.isTransaction) db.exec('ROLLBACK');
			db.close();
		}
	};
}

/**
 * How many rows each table holds right after its migrations (the ledger's one row, the questions'
 * session): learnt from a fresh file, so a target is "empty" whatever later migrations add. Both
 * engines' migrations fill the same tables alike (tests/store/same-answers.spec.ts).
 */
export function rowsMigrationsPut(): Record<string, number> {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-fresh-'));
	try {
		const db = openDatabase(join(dir, 'fresh.db'));
		try {
			return Object.fromEntries(tablesOf(db).map(({ name }) => [name, countOf(db, name)]));
		} finally {
			db.close();
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Fills a SQLite file (created and migrated first) in one IMMEDIATE transaction. */
export function sqliteLoader(file: string): Loader {
	const db = openDatabase(file);
	const tables = tablesOf(db);
	return {
		description: `SQLite ${file}`,
		async tables() {
			return tables.map(({ name, columns }) => ({ name, columns }));
		},
		async tablesWithData() {
			const seeded = rowsMigrationsPut();
			return Object.fromEntries(tables.map(({ name }) => [name, countOf(db, name)]).filter(([name, rows]) => (rows as number) > (seeded[name as string] ?? 0)));
		},
		async begin() {
			db.exec('BEGIN IMMEDIATE');
		},
		async clear(names) {
			for (const name of names) db.exec(`DELETE FROM ${quoted(name)}`);
			db.exec('DELETE FROM sqlite_sequence');
		},
		async insert(table, rows) {
			const statement = db.prepare(`INSERT INTO ${quoted(table.name)} (${table.columns.map(quoted).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`);
			for (const row of rows) statement.run(...(row as SQLInputValue[]));
		},
		async setSequences(sequences) {
			for (const table of tables.filter((shape) => shape.hasSequence)) {
				const value = sequences[table.name] ?? 0;
				db.prepare('DELETE FROM sqlite_sequence WHERE name = ?').run(table.name);
				if (value > 0) db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(table.name, value);
			}
		},
		async commit() {
			db.exec('COMMIT');
		},
		async rollback() {
			if (db.isTransaction) db.exec('ROLLBACK');
		},
		async reopen() {
			return sqliteSnapshot(file);
		},
		async close() {
			if (db.isTransaction) db.exec('ROLLBACK');
			db.close();
		}
	};
}
