import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compiledOnce } from './compiled-once.ts';
import { openDatabase } from './sqlite/database.ts';
import { sqliteKysely } from './sqlite/kysely.ts';

const folder = mkdtempSync(join(tmpdir(), 'compiled-once-'));
const db = sqliteKysely(openDatabase(join(folder, 'store.db')));
afterAll(async () => {
	await db.destroy();
	rmSync(folder, { recursive: true, force: true });
});

const insertCount = compiledOnce((kysely, row: { key: string; count: number }) =>
	kysely.insertInto('rate_limits').values({ key: row.key, count: row.count, first_at: 0, last_at: 0, expires_at: 0 })
);
const countOf = compiledOnce((kysely, { key }: { key: string }) => kysely.selectFrom('rate_limits').select(['key', 'count']).where('key', '=', key));

describe('a query compiled once', () => {
	test('runs with each call’s own values, in a transaction as outside one', async () => {
		await insertCount(db, { key: 'first', count: 1 });
		await db.transaction().execute((write) => insertCount(write, { key: 'second', count: 2 }));
		expect((await countOf(db, { key: 'first' })).rows).toEqual([{ key: 'first', count: 1 }]);
		expect((await countOf(db, { key: 'second' })).rows).toEqual([{ key: 'second', count: 2 }]);
		expect((await countOf(db, { key: 'third' })).rows).toEqual([]);
	});

	test('refuses a value that does not become a bound parameter (used while building: the first call’s would stay)', async () => {
		const converted = compiledOnce((kysely, { count }: { count: string }) => kysely.selectFrom('rate_limits').select('key').where('count', '=', Number(count)));
		await expect(converted(db, { count: '1' })).rejects.toThrow(/did not become bound parameters/);
	});

	test('refuses a value given but not placed in the query (a column forgotten)', async () => {
		const forgetful = compiledOnce((kysely, row: { key: string; count: number }) =>
			kysely.insertInto('rate_limits').values({ key: row.key, count: 0, first_at: 0, last_at: 0, expires_at: 0 })
		);
		await expect(forgetful(db, { key: 'forgotten', count: 5 })).rejects.toThrow(/count given but not in/);
	});
});
