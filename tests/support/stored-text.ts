import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { testDatabaseUrl } from './engine';

/**
 * Sets a pledge's title in the store directly, past the schema (which refuses markup): what an
 * older version, a restored backup or a hand-made fix could leave there. Pages must stay safe.
 */
export async function overwriteStoredTitle(id: string, title: string, databaseUrl = testDatabaseUrl()): Promise<void> {
	if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		try {
			await client.query('UPDATE pledges SET title = $1 WHERE id = $2', [title, id]);
		} finally {
			await client.end();
		}
		return;
	}
	const db = new DatabaseSync(databaseUrl);
	try {
		db.prepare('UPDATE pledges SET title = ? WHERE id = ?').run(title, id);
	} finally {
		db.close();
	}
}
