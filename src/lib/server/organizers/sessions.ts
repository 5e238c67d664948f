import type { Organizer } from './accounts.ts';
import { hashSecret, newSecret } from './secrets.ts';

export const SESSION_HOURS = 12;

/** What the store gives for sessions (src/lib/server/store/organizers.ts): rows keyed by the hash of the session id. */
export interface SessionRecords {
	/** Stores a session, and forgets those expired before `now` (ISO 8601). */
	insert(idHash: string, organizerId: string, expiresAt: string, now: string): Promise<void>;
	/** The organizer of the session if it expires after `now`. */
	organizerOf(idHash: string, now: string): Promise<Organizer | undefined>;
	remove(idHash: string): Promise<void>;
}

/** Console sessions: the cookie holds a random id, the store only its hash, with an expiry. */
export function organizerSessions(records: SessionRecords) {
	return {
		async start(organizerId: string, now = new Date()): Promise<{ id: string; expiresAt: Date }> {
			const id = newSecret();
			const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
			await records.insert(hashSecret(id), organizerId, expiresAt.toISOString(), now.toISOString());
			return { id, expiresAt };
		},

		/** The organizer of a live session, else undefined (unknown, forged or expired ids alike). */
		organizerOf(id: string, now = new Date()): Promise<Organizer | undefined> {
			return records.organizerOf(hashSecret(id), now.toISOString());
		},

		end(id: string): Promise<void> {
			return records.remove(hashSecret(id));
		}
	};
}

export type OrganizerSessions = ReturnType<typeof organizerSessions>;
