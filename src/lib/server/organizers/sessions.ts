import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../store/database.ts';
import type { Organizer } from './accounts.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const SESSION_HOURS = 12;

/** Console sessions: the cookie holds a random id, the store only its hash, with an expiry. */
export function organizerSessions(db: DatabaseSync) {
	return {
		start(organizerId: string, now = new Date()): { id: string; expiresAt: Date } {
			const id = newSecret();
			const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
			inTransaction(db, () => {
				db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now.toISOString());
				db.prepare('INSERT INTO sessions (id_hash, organizer_id, expires_at) VALUES (?, ?, ?)').run(hashSecret(id), organizerId, expiresAt.toISOString());
			});
			return { id, expiresAt };
		},

		/** The organizer of a live session, else undefined (unknown, forged or expired ids alike). */
		organizerOf(id: string, now = new Date()): Organizer | undefined {
			const row = db
				.prepare(
					`SELECT o.id, o.email, o.created_at FROM sessions s JOIN organizers o ON o.id = s.organizer_id
					 WHERE s.id_hash = ? AND s.expires_at > ?`
				)
				.get(hashSecret(id), now.toISOString()) as { id: string; email: string; created_at: string } | undefined;
			return row && { id: row.id, email: row.email, createdAt: row.created_at };
		},

		end(id: string): void {
			inTransaction(db, () => db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hashSecret(id)));
		}
	};
}

export type OrganizerSessions = ReturnType<typeof organizerSessions>;
