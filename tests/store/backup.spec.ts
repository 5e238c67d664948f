import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/bin/throwaway-postgres.js';
import { backupStore } from '$lib/server/store/portable/backup';
import { copyStore } from '$lib/server/store/portable/copy';
import { backupSnapshot, storeLoader } from '$lib/server/store/portable/open';
import { openStore } from '$lib/server/store/open';
import { fillEveryTable } from '../../src/bin/bench/fill-every-table';

const dir = mkdtempSync(join(tmpdir(), 'imrf-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const postgresDatabase = () => createDatabase(inject('postgresUrl'), 'imrf_backup');
const restore = async (file: string, to: string) => copyStore(backupSnapshot(file), await storeLoader(to));

/** `npm run store -- …` as an operator runs it. */
async function storeCommand(args: string[], databaseUrl: string) {
	try {
		const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/store.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
		return { code: 0, stdout, stderr };
	} catch (error) {
		const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
		return { code, stdout, stderr };
	}
}

describe('npm run store -- backup / restore', { timeout: 180_000 }, () => {
	for (const engine of ['SQLite', 'PostgreSQL'] as const) {
		it(`restores, into either engine, every write a ${engine} store acknowledged before its backup began while 8 writers wrote`, async () => {
			const url = engine === 'SQLite' ? join(dir, `writers-${Date.now()}.db`) : await postgresDatabase();
			const store = await openStore(url);
			const { organizer } = await fillEveryTable(store);
			const actor = { id: organizer.id, email: organizer.email };
			const acknowledged: { id: string; at: number }[] = [];
			let isWriting = true;
			const writers = Array.from({ length: 8 }, async (_, writer) => {
				for (let index = 0; isWriting; index++) {
					const pledge = await store.add({ government: `Writer ${writer}`, country: 'FR', title: `Write ${index}`, compacts: ['GCR'] }, actor);
					acknowledged.push({ id: pledge.id, at: performance.now() });
				}
			});
			const file = join(dir, `backup-${engine}-${Date.now()}`);
			let began: number;
			try {
				// Some writes before the backup, so that "before" is not empty.
				while (acknowledged.length < 40) await new Promise((resolve) => setTimeout(resolve, 10));
				began = performance.now();
				await backupStore(url, file);
			} finally {
				isWriting = false;
				await Promise.all(writers);
				await store.close();
			}
			const before = acknowledged.filter((write) => write.at < began).map((write) => write.id);
			const all = new Set(acknowledged.map((write) => write.id));

			for (const target of [join(dir, `restored-${Date.now()}.db`), await postgresDatabase()]) {
				expect((await restore(file, target)).differences).toEqual([]);
				const restored = await openStore(target);
				const pledges = await restored.list();
				await restored.close();
				const ids = new Set(pledges.map((pledge) => pledge.id));
				expect(before.filter((id) => !ids.has(id))).toEqual([]);
				// And no write the store did not acknowledge.
				expect(pledges.filter((pledge) => pledge.government.startsWith('Writer ') && !all.has(pledge.id))).toEqual([]);
			}
		});
	}

	it('refuses a damaged backup of either kind with a clear message, and leaves the store as it was', async () => {
		const url = join(dir, `damaged-source.db`);
		const store = await openStore(url);
		await fillEveryTable(store);
		await store.close();
		const sqliteBackup = join(dir, 'sqlite-backup');
		await backupStore(url, sqliteBackup);
		const portableBackup = join(dir, 'portable-backup');
		await copyStore(backupSnapshot(sqliteBackup), (await import('$lib/server/store/portable/file')).fileLoader(portableBackup));

		const bytes = readFileSync(sqliteBackup);
		bytes.fill(0x5a, 4096, 4096 * 3);
		writeFileSync(join(dir, 'sqlite-damaged'), bytes);
		const portable = readFileSync(portableBackup);
		writeFileSync(join(dir, 'portable-truncated'), portable.subarray(0, Math.floor(portable.length * 0.7)));
		const flipped = Buffer.from(portable);
		flipped[Math.floor(flipped.length / 2)] ^= 0xff;
		writeFileSync(join(dir, 'portable-flipped'), flipped);
		writeFileSync(join(dir, 'not-a-backup'), 'hello');

		const target = join(dir, 'restore-target.db');
		for (const name of ['sqlite-damaged', 'portable-truncated', 'portable-flipped', 'not-a-backup']) {
			const { code, stderr } = await storeCommand(['restore', join(dir, name)], target);
			expect(code, name).toBe(1);
			expect(stderr, name).toMatch(/damaged|not a readable SQLite store|neither a SQLite backup nor a portable backup/);
			expect(stderr, name).not.toMatch(/\n\s+at /);
			const untouched = await openStore(target);
			expect(await untouched.list(), name).toEqual([]);
			await untouched.close();
		}
		const { code, stdout } = await storeCommand(['restore', portableBackup], target);
		expect(code).toBe(0);
		expect(stdout).toMatch(/Verified/);
	});
});
