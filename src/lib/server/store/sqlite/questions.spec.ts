import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { questionStoreContract } from '../../questions/contract';
import { openDatabase } from './database';
import { sqliteQuestions } from './questions';

questionStoreContract('SQLite', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-questions-'));
	const db = openDatabase(join(dir, 'site.db'));
	return {
		store: sqliteQuestions(db),
		auditActions: async () => (db.prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((row) => row.action),
		close() {
			db.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
});
