import type { DatabaseSync } from 'node:sqlite';
import type { Organizer, OrganizerRecord, OrganizerRecords } from '../../organizers/accounts.ts';
import type { SessionRecords } from '../../organizers/sessions.ts';
import { inTransaction } from './database.ts';

const COLUMNS = 'id, email, password_hash AS passwordHash, token_hash AS tokenHash, created_at AS createdAt';

/** Organizers' rows in the SQLite file. */
export function sqliteOrganizerRecords(db: DatabaseSync): OrganizerRecords {
	const one = (where: string, value: string) => db.prepare(`SELECT ${COLUMNS} FROM organizers WHERE ${where} = ?`).get(value) as OrganizerRecord | undefined;
	return {
		async insert(record) {
			return inTransaction(db, () => {
				if (db.prepare('SELECT 1 FROM organizers WHERE email = ?').get(record.email)) return false;
				db.prepare('INSERT INTO organizers (id, email, password_hash, token_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
					record.id,
					record.email,
					record.passwordHash,
					record.tokenHash,
					record.createdAt
				);
				return true;
			});
		},
		async byEmail(email) {
			return one('email', email);
		},
		async byId(id) {
			return one('id', id);
		},
		async list() {
			return db.prepare(`SELECT ${COLUMNS} FROM organizers ORDER BY email`).all() as unknown as OrganizerRecord[];
		},
		async removeByEmail(email) {
			return inTransaction(db, () => db.prepare('DELETE FROM organizers WHERE email = ?').run(email).changes > 0);
		}
	};
}

/** Console sessions' rows in the SQLite file. */
export function sqliteSessionRecords(db: DatabaseSync): SessionRecords {
	return {
		async insert(idHash, organizerId, expiresAt, now) {
			await inTransaction(db, () => {
				db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
				db.prepare('INSERT INTO sessions (id_hash, organizer_id, expires_at) VALUES (?, ?, ?)').run(idHash, organizerId, expiresAt);
			});
		},
		async organizerOf(idHash, now) {
			return db
				.prepare(
					`SELECT o.id, o.email, o.created_at AS createdAt FROM sessions s JOIN organizers o ON o.id = s.organizer_id
					 WHERE s.id_hash = ? AND s.expires_at > ?`
				)
				.get(idHash, now) as Organizer | undefined;
		},
		async remove(idHash) {
			await inTransaction(db, () => db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash));
		}
	};
}
