import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/bin/throwaway-postgres.js';
import { copyStore } from '$lib/server/store/portable/copy';
import { digestDifferences } from '$lib/server/store/portable/digest';
import { storeLoader, storeSnapshot } from '$lib/server/store/portable/open';
import { openStore } from '$lib/server/store/open';
import { fillEveryTable } from '../../src/bin/bench/fill-every-table';

const dir = mkdtempSync(join(tmpdir(), 'imrf-copy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const copy = async (from: string, to: string, replace = false) => copyStore(await storeSnapshot(from), await storeLoader(to), { replace });

describe('npm run store -- copy', { timeout: 120_000 }, () => {
	it('copies every table from SQLite to PostgreSQL and back, row for row, with its sequences and sign-ins', async () => {
		const original = join(dir, 'original.db');
		const postgres = await createDatabase(inject('postgresUrl'), 'imrf_copy');
		const back = join(dir, 'back.db');
		const source = await openStore(original);
		const filled = await fillEveryTable(source);
		const count = (await source.snapshot()).count;
		await source.close();

		const there = await copy(original, postgres);
		const empty = there.plan.tables.filter((table) => table.rows === 0).map((table) => table.name);
		expect(empty, 'tables the test leaves empty: fill them in tests/support/filled-store.ts').toEqual([]);
		expect(there.differences).toEqual([]);
		const andBack = await copy(postgres, back);
		expect(andBack.differences).toEqual([]);
		expect(digestDifferences(there.source, andBack.target)).toEqual([]);

		for (const url of [postgres, back]) {
			const store = await openStore(url);
			try {
				expect((await store.sessions.organizerOf(filled.session.id))?.id).toBe(filled.organizer.id);
				expect((await store.reporters.sessions.reporterOf(filled.reporterSession.id))?.government).toBeDefined();
				expect((await store.organizers.checkToken(filled.token))?.id).toBe(filled.organizer.id);
				expect((await store.organizers.checkPassword(filled.organizer.email, filled.password))?.id).toBe(filled.organizer.id);
				expect((await store.snapshot()).count).toBe(count);
				// New rows take numbers after the copied ones: no collision with a copied row.
				const actor = { id: filled.organizer.id, email: filled.organizer.email };
				const added = await store.add({ government: 'Ville de Grigny', country: 'FR', title: 'After the move', compacts: ['GCR'] }, actor);
				await store.addNote(added.id, { date: '2022-05-19', text: 'Still going' }, actor);
				expect((await store.list()).map((pledge) => pledge.id)[0]).toBe(added.id);
			} finally {
				await store.close();
			}
		}
	});

	it('refuses a target that already holds data, and overwrites it with --replace', async () => {
		const original = join(dir, 'refused.db');
		const target = await createDatabase(inject('postgresUrl'), 'imrf_copy_refused');
		const source = await openStore(original);
		await fillEveryTable(source);
		await source.close();
		const other = await openStore(target);
		const { organizer } = await other.organizers.add('someone-else@example.org');
		await other.close();

		await expect(copy(original, target)).rejects.toThrow(/already holds data \(.*organizers: 1 rows.*\).*--replace/);
		const store = await openStore(target);
		expect((await store.organizers.byId(organizer.id))?.email).toBe(organizer.email);
		await store.close();

		const replaced = await copy(original, target, true);
		expect(replaced.differences).toEqual([]);
		const after = await openStore(target);
		expect(await after.organizers.byId(organizer.id)).toBeUndefined();
		await after.close();
	});
});
