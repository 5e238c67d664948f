// `npm run store -- copy --to <DATABASE_URL> [--replace] | backup <file> | restore <file> [--replace]`:
// move the store named by DATABASE_URL (SQLite by default) to another engine or machine, or keep it
// in a file. Servers may keep running on the source: it is read as one snapshot.
import cliProgress from 'cli-progress';
import { parseArgs } from 'node:util';
import { backupStore } from '../lib/server/store/portable/backup.ts';
import { copyStore, type CopyReport } from '../lib/server/store/portable/copy.ts';
import type { StoreDigest } from '../lib/server/store/portable/digest.ts';
import { backupSnapshot, storeLoader, storeSnapshot } from '../lib/server/store/portable/open.ts';
import { CopyRefused, type Loader, type Snapshot } from '../lib/server/store/portable/types.ts';
import { logger } from '../lib/server/log/logger.js';

// The command prints its own account; the server's info lines (a scratch file's migration) would only blur it.
logger.level = process.env.LOG_LEVEL ?? 'warn';

const usage = 'usage: npm run store -- copy --to <DATABASE_URL> [--replace] | backup <file> | restore <file> [--replace]';

/** A bar on a terminal; nothing in a log. */
function progressBar(unit: string) {
	if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
	const bar = new cliProgress.SingleBar({ format: `{bar} {percentage}% | {value}/{total} ${unit} | {table}`, stream: process.stderr }, cliProgress.Presets.shades_classic);
	let isStarted = false;
	return {
		update(value: number, total: number, table = '') {
			if (!isStarted) bar.start(total, 0, { table });
			isStarted = true;
			bar.update(value, { table });
		},
		stop: () => isStarted && bar.stop()
	};
}

function printTables(digest: StoreDigest, seconds: number) {
	const rows = Object.values(digest.tables).reduce((sum, table) => sum + table.rows, 0);
	const width = Math.max(...Object.keys(digest.tables).map((name) => name.length));
	for (const [name, table] of Object.entries(digest.tables)) console.log(`${name.padEnd(width)}  ${String(table.rows).padStart(9)} rows`);
	console.log(`${rows} rows in ${seconds.toFixed(2)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s)`);
}

async function copyWithBar(source: Snapshot, target: Loader, replace: boolean): Promise<CopyReport> {
	const bar = progressBar('rows');
	const started = performance.now();
	try {
		const report = await copyStore(source, target, { replace, onProgress: ({ table, copied, total }) => bar.update(copied, total, table) });
		bar.stop();
		console.log(`From ${source.description} to ${target.description}:`);
		printTables(report.source, (performance.now() - started) / 1000);
		if (report.differences.length > 0) {
			console.error(`The copy differs from the source:\n  ${report.differences.join('\n  ')}`);
			process.exitCode = 1;
		} else console.log(`Verified: the same rows (counts and checksums of ${Object.keys(report.target.tables).length} tables) and sequences on both.`);
		return report;
	} finally {
		bar.stop();
		await source.close();
		await target.close();
	}
}

const { positionals, values } = parseArgs({ allowPositionals: true, options: { to: { type: 'string' }, replace: { type: 'boolean', default: false } } });
const [command, file] = positionals;
try {
	if (command === 'copy' && values.to && !file) {
		await copyWithBar(await storeSnapshot(process.env.DATABASE_URL), await storeLoader(values.to), values.replace);
	} else if (command === 'backup' && file) {
		const bar = progressBar('parts');
		const started = performance.now();
		const digest = await backupStore(process.env.DATABASE_URL, file, (done, total) => bar.update(done, total));
		bar.stop();
		console.log(`Backed up to ${file}:`);
		printTables(digest, (performance.now() - started) / 1000);
	} else if (command === 'restore' && file) {
		await copyWithBar(backupSnapshot(file), await storeLoader(process.env.DATABASE_URL), values.replace);
	} else {
		console.error(usage);
		process.exitCode = 2;
	}
} catch (error) {
	console.error(error instanceof CopyRefused ? error.message : error);
	process.exitCode = 1;
}
