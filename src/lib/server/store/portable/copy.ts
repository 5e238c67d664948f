import { digestDifferences, TableDigest, type StoreDigest } from './digest.ts';
import { CopyRefused, type Loader, type Plan, type Snapshot, type TableShape } from './types.ts';

export interface CopyOptions {
	/** Empties a target that holds data instead of refusing it. */
	replace?: boolean;
	/** Told after each batch: the table, its rows copied so far, and every table's rows copied and in all. */
	onProgress?: (progress: { table: string; copied: number; total: number }) => void;
}

export interface CopyReport {
	plan: Plan;
	/** What the source held (read while copying) and what the target holds (read again after the commit). */
	source: StoreDigest;
	target: StoreDigest;
	/** Each difference between the two, in words: the copy is good when there is none. */
	differences: string[];
}

/** Tables the source has that the target lacks, or with other columns: a copy would lose them. */
function shapeDifferences(source: readonly TableShape[], target: readonly TableShape[]): string[] {
	const differences: string[] = [];
	const targetByName = new Map(target.map((table) => [table.name, table]));
	for (const table of source) {
		const other = targetByName.get(table.name);
		if (!other) {
			differences.push(`the table ${table.name} is in the source but not in the target`);
			continue;
		}
		const missing = table.columns.filter((column) => !other.columns.includes(column));
		const extra = other.columns.filter((column) => !table.columns.includes(column));
		if (missing.length > 0) differences.push(`the target's ${table.name} has no column ${missing.join(', ')}`);
		if (extra.length > 0) differences.push(`the source's ${table.name} has no column ${extra.join(', ')}`);
	}
	for (const table of target) if (!source.some((other) => other.name === table.name)) differences.push(`the table ${table.name} is in the target but not in the source`);
	return differences;
}

/** Counts and checksums of everything a snapshot holds (read in full). */
export async function digestOf(snapshot: Snapshot): Promise<StoreDigest> {
	const plan = await snapshot.plan();
	const tables: StoreDigest['tables'] = {};
	for (const table of plan.tables) {
		const digest = new TableDigest(table.columns);
		for await (const rows of snapshot.rows(table)) digest.add(rows);
		tables[table.name] = { rows: digest.rows, checksum: digest.checksum() };
	}
	await snapshot.finish();
	return { tables, sequences: plan.sequences };
}

/**
 * Copies every table of `source` (one snapshot) into `target` in one transaction on the target, then
 * reads the target again and compares counts, checksums and sequences with what was read. Every table
 * either store has is copied or named in a refusal: a table added later needs no change here.
 */
export async function copyStore(source: Snapshot, target: Loader, options: CopyOptions = {}): Promise<CopyReport> {
	const plan = await source.plan();
	const targetTables = await target.tables();
	const mismatches = targetTables ? shapeDifferences(plan.tables, targetTables) : [];
	if (mismatches.length > 0) throw new CopyRefused(`the two stores do not have the same tables (are they the same version of the site?): ${mismatches.join('; ')}`);
	const held = Object.entries(await target.tablesWithData());
	if (held.length > 0 && !options.replace) {
		throw new CopyRefused(`${target.description} already holds data (${held.map(([table, rows]) => `${table}: ${rows} rows`).join(', ')}); nothing was copied. Add --replace to overwrite it.`);
	}
	const total = plan.tables.reduce((sum, table) => sum + table.rows, 0);
	const tables: StoreDigest['tables'] = {};
	let copied = 0;
	await target.begin(plan);
	try {
		await target.clear(plan.tables.map((table) => table.name).reverse());
		for (const table of plan.tables) {
			const digest = new TableDigest(table.columns);
			options.onProgress?.({ table: table.name, copied, total });
			for await (const rows of source.rows(table)) {
				await target.insert(table, rows);
				digest.add(rows);
				copied += rows.length;
				options.onProgress?.({ table: table.name, copied, total });
			}
			tables[table.name] = { rows: digest.rows, checksum: digest.checksum() };
		}
		await target.setSequences(plan.sequences);
		// A backup's own checksums are checked before anything is committed.
		await source.finish();
		await target.commit();
	} catch (error) {
		await target.rollback();
		throw error;
	}
	const sourceDigest = { tables, sequences: plan.sequences };
	const copy = await target.reopen();
	let targetDigest: StoreDigest;
	try {
		targetDigest = await digestOf(copy);
	} finally {
		await copy.close();
	}
	return { plan, source: sourceDigest, target: targetDigest, differences: digestDifferences(sourceDigest, targetDigest) };
}
