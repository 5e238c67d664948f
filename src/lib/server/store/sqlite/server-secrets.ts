import { randomBytes } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import type { ServerSecrets } from '../types.ts';
import { inTransaction } from './database.ts';

export function sqliteServerSecrets(db: DatabaseSync): ServerSecrets {
	const cache = new Map<string, Buffer>();
	return {
		async get(name) {
			const known = cache.get(name);
			if (known) return known;
			// Whoever inserts first wins; everyone then reads the same value.
			const value = await inTransaction(db, () => {
				db.prepare('INSERT OR IGNORE INTO server_secrets (name, value, created_at) VALUES (?, ?, ?)').run(
					name,
					randomBytes(32).toString('base64'),
					new Date().toISOString()
				);
				return (db.prepare('SELECT value FROM server_secrets WHERE name = ?').get(name) as { value: string }).value;
			});
			const secret = Buffer.from(value, 'base64');
			cache.set(name, secret);
			return secret;
		}
	};
}
