import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pledge, storeContract } from '../contract';
import { openSqliteStore } from './index';

storeContract('SQLite', () => {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-store-'));
	const file = join(dir, 'nested', 'site.db');
	return {
		open: async () => openSqliteStore(file),
		reopen: async () => openSqliteStore(file),
		cleanUp: async () => rmSync(dir, { recursive: true, force: true })
	};
});

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
