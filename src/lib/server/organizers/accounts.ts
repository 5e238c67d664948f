import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../store/database.ts';
import { hashPassword, newApiToken, newSecret, parseApiToken, secretMatches, verifyPassword } from './secrets.ts';

export interface Organizer {
	id: string;
	email: string;
	createdAt: string;
}

interface OrganizerRow {
	id: string;
	email: string;
	password_hash: string;
	token_hash: string;
	created_at: string;
}

const toOrganizer = (row: OrganizerRow): Organizer => ({ id: row.id, email: row.email, createdAt: row.created_at });

export function normalizeEmail(email: string): string {
	return email.normalize('NFC').trim().toLowerCase();
}

export function isPlausibleEmail(email: string): boolean {
	return email.length <= 254 && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email);
}

// A fixed hash to verify against when the email is unknown, so timing does not reveal which emails exist.
let decoyHash: string | undefined;

/** Organizers' accounts: a password for the console, a token for the API, both stored as hashes only. */
export function organizerAccounts(db: DatabaseSync) {
	return {
		/** Creates an organizer; the password and token are returned this once and never stored. */
		add(emailInput: string): { organizer: Organizer; password: string; token: string } {
			const email = normalizeEmail(emailInput);
			if (!isPlausibleEmail(email)) throw new Error(`not an email address: ${emailInput}`);
			const id = randomUUID();
			const password = newSecret(15);
			const { token, hash } = newApiToken(id);
			const createdAt = new Date().toISOString();
			inTransaction(db, () => {
				if (db.prepare('SELECT 1 FROM organizers WHERE email = ?').get(email)) throw new Error(`organizer already exists: ${email}`);
				db.prepare('INSERT INTO organizers (id, email, password_hash, token_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
					id,
					email,
					hashPassword(password),
					hash,
					createdAt
				);
			});
			return { organizer: { id, email, createdAt }, password, token };
		},

		list(): Organizer[] {
			return (db.prepare('SELECT * FROM organizers ORDER BY email').all() as unknown as OrganizerRow[]).map(toOrganizer);
		},

		/** Removes an organizer and ends their sessions; false when there is none. */
		remove(emailInput: string): boolean {
			return inTransaction(db, () => db.prepare('DELETE FROM organizers WHERE email = ?').run(normalizeEmail(emailInput)).changes > 0);
		},

		byId(id: string): Organizer | undefined {
			const row = db.prepare('SELECT * FROM organizers WHERE id = ?').get(id) as OrganizerRow | undefined;
			return row && toOrganizer(row);
		},

		/** The organizer whose email and password these are, else undefined. */
		async checkPassword(emailInput: string, password: string): Promise<Organizer | undefined> {
			const row = db.prepare('SELECT * FROM organizers WHERE email = ?').get(normalizeEmail(emailInput)) as OrganizerRow | undefined;
			if (!row) {
				decoyHash ??= hashPassword(newSecret());
				await verifyPassword(password, decoyHash);
				return undefined;
			}
			return (await verifyPassword(password, row.password_hash)) ? toOrganizer(row) : undefined;
		},

		/** The organizer an API token belongs to, else undefined. */
		checkToken(token: string): Organizer | undefined {
			const parsed = parseApiToken(token);
			if (!parsed) return undefined;
			const row = db.prepare('SELECT * FROM organizers WHERE id = ?').get(parsed.organizerId) as OrganizerRow | undefined;
			return row && secretMatches(parsed.secret, row.token_hash) ? toOrganizer(row) : undefined;
		}
	};
}

export type OrganizerAccounts = ReturnType<typeof organizerAccounts>;
