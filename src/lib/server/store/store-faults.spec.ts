import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import { isStoreFault, StoreUnavailableError } from './store-faults';

function sqliteError(work: (db: DatabaseSync) => void): unknown {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-faults-'));
	const db = new DatabaseSync(join(dir, 'x.db'));
	try {
		work(db);
	} catch (error) {
		return error;
	} finally {
		if (db.isOpen) db.close();
		rmSync(dir, { recursive: true, force: true });
	}
	throw new Error('expected an error');
}

describe('store faults', () => {
	it('are the medium failing (read-only here), a closed store, or a removed file', () => {
		expect(isStoreFault(new StoreUnavailableError('removed'))).toBe(true);
		expect(isStoreFault(sqliteError((db) => (db.close(), db.exec('SELECT 1'))))).toBe(true);
		expect(isStoreFault(sqliteError((db) => (db.exec('CREATE TABLE t (x)'), db.exec('PRAGMA query_only = 1'), db.exec('INSERT INTO t VALUES (1)'))))).toBe(true);
	});

	it('are not mistakes in a query or a broken constraint', () => {
		expect(isStoreFault(sqliteError((db) => db.exec('SELEC 1')))).toBe(false);
		expect(isStoreFault(sqliteError((db) => (db.exec('CREATE TABLE t (x UNIQUE)'), db.exec('INSERT INTO t VALUES (1), (1)'))))).toBe(false);
		expect(isStoreFault(new Error('anything else'))).toBe(false);
	});
});
