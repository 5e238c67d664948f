import { randomBytes } from 'node:crypto';
import type { Engine } from './engine.ts';
import type { ServerSecrets } from './types.ts';

/** Shared secrets in `server_secrets`, the same on both engines: whoever inserts first wins, everyone reads the same value. */
export function engineServerSecrets(engine: Engine): ServerSecrets {
	const { db } = engine;
	const cache = new Map<string, Buffer>();
	// Base64 text on SQLite, bytes on PostgreSQL (schema.ts).
	const stored = (secret: Buffer) => (engine.kind === 'sqlite' ? secret.toString('base64') : secret);
	const read = (value: string | Buffer) => (typeof value === 'string' ? Buffer.from(value, 'base64') : value);
	return {
		async get(name) {
			const known = cache.get(name);
			if (known) return known;
			await db
				.insertInto('server_secrets')
				.values({ name, value: stored(randomBytes(32)), created_at: new Date().toISOString() })
				.onConflict((conflict) => conflict.column('name').doNothing())
				.execute();
			const { value } = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
			const secret = read(value);
			cache.set(name, secret);
			return secret;
		}
	};
}
