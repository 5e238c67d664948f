import type { Kysely } from 'kysely';
import { compiledOnce } from './compiled-once.ts';
import type { Engine } from './engine.ts';
import type { OrganizerRecord, OrganizerRecords } from '../organizers/accounts.ts';
import type { SessionRecords } from '../organizers/sessions.ts';
import type { Database } from './schema.ts';

const COLUMNS = ['id', 'email', 'password_hash as passwordHash', 'token_hash as tokenHash', 'created_at as createdAt'] as const;

// Every API write checks its token by the organizer's id: compiled once.
const organizerById = compiledOnce((db, { id }: { id: string }) => db.selectFrom('organizers').select(COLUMNS).where('id', '=', id));

/** Organizers' rows, the same on both engines. */
export function organizerRecords(db: Kysely<Database>): OrganizerRecords {
	const organizers = () => db.selectFrom('organizers').select(COLUMNS);
	return {
		async insert(record) {
			const inserted = await db
				.insertInto('organizers')
				.values({ id: record.id, email: record.email, password_hash: record.passwordHash, token_hash: record.tokenHash, created_at: record.createdAt })
				.onConflict((conflict) => conflict.column('email').doNothing())
				.returning('id')
				.executeTakeFirst();
			return inserted !== undefined;
		},
		byEmail: (email): Promise<OrganizerRecord | undefined> => organizers().where('email', '=', email).executeTakeFirst(),
		byId: async (id): Promise<OrganizerRecord | undefined> => (await organizerById(db, { id })).rows[0],
		list: () => organizers().orderBy('email').execute(),
		async removeByEmail(email) {
			// Their sessions go with them (ON DELETE CASCADE).
			const { numDeletedRows } = await db.deleteFrom('organizers').where('email', '=', email).executeTakeFirstOrThrow();
			return Number(numDeletedRows) > 0;
		}
	};
}

/** Console sessions' rows, the same on both engines: valid on every instance. */
export function sessionRecords(engine: Engine): SessionRecords {
	const { db } = engine;
	return {
		async insert(idHash, organizerId, expiresAt, now) {
			await engine.transaction(async (write) => {
				await write.db.deleteFrom('sessions').where('expires_at', '<', now).execute();
				await write.db.insertInto('sessions').values({ id_hash: idHash, organizer_id: organizerId, expires_at: expiresAt }).execute();
			});
		},
		organizerOf: (idHash, now) =>
			db
				.selectFrom('sessions as s')
				.innerJoin('organizers as o', 'o.id', 's.organizer_id')
				.select(['o.id', 'o.email', 'o.created_at as createdAt'])
				.where('s.id_hash', '=', idHash)
				.where('s.expires_at', '>', now)
				.executeTakeFirst(),
		async remove(idHash) {
			await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
		}
	};
}
