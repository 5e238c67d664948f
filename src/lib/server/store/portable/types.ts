/**
 * The store's content in a form both engines share, for copies and backups (src/bin/store.ts).
 * A value is kept as SQLite keeps it (the canonical form): text, a number, or null. PostgreSQL's
 * richer columns are converted to and from it by their type (postgres-values.ts).
 */
export type Value = string | number | null;

export interface TableShape {
	name: string;
	/** Its columns in the order rows give their values. */
	columns: string[];
}

/** What a consistent read of a store holds, known before its rows are read. */
export interface Plan {
	/** Parents before the tables whose rows refer to them (foreign keys), so rows load in this order. */
	tables: (TableShape & { rows: number })[];
	/** Each autoincrement table's last number given, so new rows on a copy never reuse one. */
	sequences: Record<string, number>;
}

/** A consistent read of one store (a snapshot: writes made meanwhile are not seen). */
export interface Snapshot {
	readonly description: string;
	plan(): Promise<Plan>;
	/** The table's rows in batches, values in the plan's column order; tables are read in the plan's order. */
	rows(table: TableShape): AsyncIterable<Value[][]>;
	/** Checks made once every row was read (a backup file's own checksums). */
	finish(): Promise<void>;
	close(): Promise<void>;
}

/** A store being filled, in one transaction. */
export interface Loader {
	readonly description: string;
	/** The tables its schema has, each with its columns; undefined when it takes any (a backup file). */
	tables(): Promise<TableShape[] | undefined>;
	/** Tables holding rows beyond those their migrations put there, with their counts. */
	tablesWithData(): Promise<Record<string, number>>;
	begin(plan: Plan): Promise<void>;
	/** Removes every row (for `--replace`), children first. */
	clear(tables: readonly string[]): Promise<void>;
	insert(table: TableShape, rows: Value[][]): Promise<void>;
	setSequences(sequences: Record<string, number>): Promise<void>;
	commit(): Promise<void>;
	rollback(): Promise<void>;
	/** A fresh snapshot of what it holds, to verify the copy. */
	reopen(): Promise<Snapshot>;
	close(): Promise<void>;
}

/** A refusal the operator can act on (a non-empty target, a damaged backup): printed without a stack. */
export class CopyRefused extends Error {
	override name = 'CopyRefused';
}
