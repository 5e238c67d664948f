import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '$lib/server/store/sqlite/index';
import { MIGRATIONS } from '$lib/server/store/sqlite/migrations';
import { pledge } from './contract';

describe('the SQLite engine', () => {
	it('creates its folder, and groups writes arriving together into one commit', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'imrf-store-'));
		const store = openSqliteStore(`file:${join(dir, 'a', 'b', 'site.db')}`);
		try {
			const { organizer } = await store.organizers.add('group@example.org');
			const actor = { id: organizer.id, email: organizer.email };
			let commits = 0;
			store.changes.subscribe(() => commits++);
			const outcomes = await Promise.all([
				store.addOnce(pledge('One'), actor),
				store.addOnce(pledge('Two'), actor, { key: 'same', requestHash: 'h' }),
				store.addOnce(pledge('Two'), actor, { key: 'same', requestHash: 'h' })
			]);
			expect(outcomes[2]).toMatchObject({ replayed: true });
			expect(commits).toBe(1);
		} finally {
			await store.close();
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('the SQLite search migration', () => {
	it('gives the pledges stored before it their search text', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'imrf-store-'));
		const file = join(dir, 'site.db');
		try {
			// A store as the version before the search left it: four migrations and a pledge.
			const old = new DatabaseSync(file);
			old.exec('CREATE TABLE migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
			MIGRATIONS.slice(0, 4).forEach((step, index) => {
				old.exec(step as string);
				old.prepare('INSERT INTO migrations (version, applied_at) VALUES (?, ?)').run(index + 1, new Date().toISOString());
			});
			old.prepare(
				`INSERT INTO pledges (id, government, country, title, description, compacts, url, created_at, updated_at)
				 VALUES ('old-1', 'Ville de Montréal', 'CA', 'Accueil', 'Été solidaire', '["GCR"]', NULL, '2022-05-18T12:00:00.000Z', '2022-05-18T12:00:00.000Z')`
			).run();
			old.close();
			const store = openSqliteStore(file);
			try {
				expect((await store.list({ q: 'montreal ete' })).map((p) => p.id)).toEqual(['old-1']);
			} finally {
				await store.close();
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
