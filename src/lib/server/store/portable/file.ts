import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { TableDigest } from './digest.ts';
import { CopyRefused, type Loader, type Plan, type Snapshot, type TableShape, type Value } from './types.ts';

/**
 * The portable backup: gzipped JSON lines, the same whichever engine it came from, restorable into
 * either. A header (the plan: tables, columns, counts, sequences), then each table's name and its rows
 * as arrays of canonical values, then a trailer with each table's checksum (digest.ts), which a
 * restore checks before it commits anything.
 */
export const BACKUP_FORMAT = 'imrf-store-backup';
const FORMAT_VERSION = 1;
const BATCH_ROWS = 2_000;

interface Header extends Plan {
	format: typeof BACKUP_FORMAT;
	formatVersion: number;
	createdAt: string;
}

/** Whether the file starts as gzip does (a portable backup), rather than as a SQLite database. */
export const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);

/** Writes a portable backup to `<file>.partial`, renamed to `file` once complete and on disk. */
export function fileLoader(file: string): Loader {
	const partial = `${file}.partial`;
	const gzip = createGzip();
	const output = createWriteStream(partial);
	const written = new Promise<void>((resolve, reject) => {
		output.once('finish', resolve);
		output.once('error', reject);
		gzip.once('error', reject);
	});
	gzip.pipe(output);
	const digests = new Map<string, TableDigest>();
	const write = async (line: unknown) => {
		if (!gzip.write(`${JSON.stringify(line)}\n`)) await new Promise((resolve) => gzip.once('drain', resolve));
	};
	return {
		description: `the backup ${file}`,
		// A file takes any tables: the restore compares them with its store.
		tables: async () => undefined,
		tablesWithData: async () => ({}),
		async begin(plan) {
			const header: Header = { format: BACKUP_FORMAT, formatVersion: FORMAT_VERSION, createdAt: new Date().toISOString(), ...plan };
			await write(header);
		},
		async clear() {},
		async insert(table, rows) {
			let digest = digests.get(table.name);
			if (!digest) {
				digests.set(table.name, (digest = new TableDigest(table.columns)));
				await write({ table: table.name });
			}
			digest.add(rows);
			for (const row of rows) await write(row);
		},
		async setSequences() {},
		async commit() {
			await write({ checksums: Object.fromEntries([...digests].map(([name, digest]) => [name, digest.checksum()])) });
			gzip.end();
			await written;
			const handle = await open(partial, 'r');
			await handle.sync();
			await handle.close();
			await rename(partial, file);
		},
		async rollback() {
			gzip.destroy();
			output.destroy();
			await rm(partial, { force: true });
		},
		reopen: async () => fileSnapshot(file),
		async close() {}
	};
}

/** The file's lines, decompressed; a damaged stream throws from the iteration. */
async function* linesOf(stream: Readable): AsyncGenerator<string> {
	let rest = '';
	stream.setEncoding('utf8');
	for await (const chunk of stream as AsyncIterable<string>) {
		const parts = (rest + chunk).split('\n');
		rest = parts.pop() ?? '';
		yield* parts;
	}
	if (rest) yield rest;
}

/** Reads a portable backup, checking its structure, counts and checksums as it goes. */
export function fileSnapshot(file: string): Snapshot {
	const damaged = (why: string) => new CopyRefused(`the backup ${file} is damaged or incomplete (${why}); nothing was restored from it`);
	// A read error of the file reaches the gunzip stream, whose iteration throws it.
	const input = createReadStream(file);
	const gunzip = createGunzip();
	input.once('error', (error) => gunzip.destroy(error));
	const lines = linesOf(input.pipe(gunzip));
	let lineNumber = 0;
	let peeked: unknown;
	let hasPeeked = false;
	const next = async (): Promise<unknown> => {
		if (hasPeeked) {
			hasPeeked = false;
			return peeked;
		}
		let result: IteratorResult<string>;
		try {
			result = await lines.next();
		} catch (error) {
			throw damaged(error instanceof Error ? error.message : String(error));
		}
		if (result.done) throw damaged(`it ends after line ${lineNumber}`);
		lineNumber++;
		try {
			return JSON.parse(result.value);
		} catch {
			throw damaged(`line ${lineNumber} is not JSON`);
		}
	};
	const peek = async () => {
		peeked = await next();
		hasPeeked = true;
		return peeked;
	};
	let header: Header | undefined;
	const digests = new Map<string, TableDigest>();
	return {
		description: `the backup ${file}`,
		async plan() {
			if (header) return header;
			const first = (await next().catch((error) => {
				throw error instanceof CopyRefused && lineNumber === 0 ? new CopyRefused(`${file} is not a backup of this site (${error.message})`) : error;
			})) as Partial<Header>;
			if (first?.format !== BACKUP_FORMAT) throw new CopyRefused(`${file} is not a backup of this site`);
			if (first.formatVersion !== FORMAT_VERSION) throw new CopyRefused(`${file} is a backup in format ${first.formatVersion}, which this version reads not (it reads ${FORMAT_VERSION})`);
			header = first as Header;
			return header;
		},
		async *rows(table: TableShape) {
			const digest = new TableDigest(table.columns);
			digests.set(table.name, digest);
			const expected = header?.tables.find((shape) => shape.name === table.name)?.rows ?? 0;
			if (expected === 0) return;
			const start = (await next()) as { table?: string };
			if (start?.table !== table.name) throw damaged(`line ${lineNumber} should start the table ${table.name}`);
			let batch: Value[][] = [];
			while (Array.isArray(await peek())) {
				const row = (await next()) as Value[];
				if (row.length !== table.columns.length || row.some((value) => value !== null && typeof value !== 'string' && typeof value !== 'number')) throw damaged(`line ${lineNumber} is not a row of ${table.name}`);
				batch.push(row);
				if (batch.length === BATCH_ROWS) {
					digest.add(batch);
					yield batch;
					batch = [];
				}
			}
			digest.add(batch);
			if (batch.length > 0) yield batch;
			if (digest.rows !== expected) throw damaged(`${table.name} has ${digest.rows} rows where its header says ${expected}`);
		},
		async finish() {
			const { checksums } = (await next()) as { checksums?: Record<string, string> };
			if (!checksums) throw damaged(`line ${lineNumber} should hold the checksums`);
			for (const table of header?.tables ?? []) {
				const digest = digests.get(table.name);
				if (!digest) throw damaged(`${table.name} was not read`);
				if (table.rows > 0 && checksums[table.name] !== digest.checksum()) throw damaged(`the rows of ${table.name} do not match their checksum`);
			}
			const end = await lines.next().catch((error: Error) => {
				throw damaged(error.message);
			});
			if (!end.done) throw damaged(`there is more after the checksums`);
		},
		async close() {
			await lines.return(undefined);
		}
	};
}
