import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { testDatabaseUrl } from './engine';

/** Runs one UPDATE on the test server's store directly, past the site's rules (`$1`… on both engines). */
async function updateStore(statement: string, values: string[], databaseUrl: string): Promise<void> {
	if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
		const client = new pg.Client({ connectionString: databaseUrl });
		await client.connect();
		try {
			await client.query(statement, values);
		} finally {
			await client.end();
		}
		return;
	}
	// The test server writes to the same file meanwhile: wait for its lock (a busy machine holds it longer).
	const db = new DatabaseSync(databaseUrl, { timeout: 30_000 });
	try {
		// SQLite numbers its parameters the same way: ?1, ?2…
		db.prepare(statement.replace(/\$(\d+)/g, '?$1')).run(...values);
	} finally {
		db.close();
	}
}

/**
 * Sets a pledge's title in the store directly, past the schema (which refuses markup): what an
 * older version, a restored backup or a hand-made fix could leave there. Pages must stay safe.
 */
export async function overwriteStoredTitle(id: string, title: string, databaseUrl = testDatabaseUrl()): Promise<void> {
	await updateStore('UPDATE pledges SET title = $1 WHERE id = $2', [title, id], databaseUrl);
}

/** Dates a pledge's record back to `at`: a pledge recorded long ago. */
export async function backdateStoredPledge(id: string, at: string, databaseUrl = testDatabaseUrl()): Promise<void> {
	await updateStore('UPDATE pledges SET created_at = $1 WHERE id = $2', [at, id], databaseUrl);
}
