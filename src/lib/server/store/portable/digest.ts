import { createHash } from 'node:crypto';
import type { Value } from './types.ts';

/**
 * The canonical serialization of a row: its values by column name (engines may order columns
 * differently), as JSON. Two stores hold the same row when these strings are equal.
 */
export function canonicalRow(columns: readonly string[], values: readonly Value[]): string {
	const order = columns.map((name, index) => [name, index] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return JSON.stringify(order.map(([name, index]) => [name, values[index]]));
}

/**
 * A table's checksum that does not depend on the order rows are read in (engines sort text
 * differently): the SHA-256 of its rows' sorted SHA-256s.
 */
export class TableDigest {
	readonly #hashes: Buffer[] = [];
	readonly #columns: readonly string[];
	constructor(columns: readonly string[]) {
		this.#columns = columns;
	}

	add(rows: readonly (readonly Value[])[]): void {
		for (const row of rows) this.#hashes.push(createHash('sha256').update(canonicalRow(this.#columns, row)).digest());
	}

	get rows(): number {
		return this.#hashes.length;
	}

	checksum(): string {
		const all = createHash('sha256');
		for (const hash of [...this.#hashes].sort(Buffer.compare)) all.update(hash);
		return all.digest('hex');
	}
}

/** The counts and checksums of every table, and the sequences, to compare two stores by. */
export interface StoreDigest {
	tables: Record<string, { rows: number; checksum: string }>;
	sequences: Record<string, number>;
}

/** Every difference between two digests, in words; empty when they agree. */
export function digestDifferences(expected: StoreDigest, actual: StoreDigest): string[] {
	const differences: string[] = [];
	for (const name of new Set([...Object.keys(expected.tables), ...Object.keys(actual.tables)])) {
		const [a, b] = [expected.tables[name], actual.tables[name]];
		if (!a || !b) differences.push(`${name}: in only one of the stores`);
		else if (a.rows !== b.rows) differences.push(`${name}: ${a.rows} rows in the source, ${b.rows} in the target`);
		else if (a.checksum !== b.checksum) differences.push(`${name}: the same ${a.rows} rows in number, but not in content`);
	}
	for (const name of new Set([...Object.keys(expected.sequences), ...Object.keys(actual.sequences)])) {
		const [a, b] = [expected.sequences[name] ?? 0, actual.sequences[name] ?? 0];
		if (a !== b) differences.push(`${name}: its sequence is at ${a} in the source, ${b} in the target`);
	}
	return differences;
}
