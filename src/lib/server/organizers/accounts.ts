import { randomUUID } from 'node:crypto';
import { hashPassword, newApiToken, newSecret, passwordMatches, recordOfApiToken } from './secrets.ts';

export interface Organizer {
	id: string;
	email: string;
	createdAt: string;
}

/** An organizer as an engine stores it: hashes only. */
export interface OrganizerRecord extends Organizer {
	passwordHash: string;
	tokenHash: string;
}

/** What the store gives for organizers (src/lib/server/store/organizers.ts, the same on both engines). */
export interface OrganizerRecords {
	/** False when an organizer with this email exists already. */
	insert(record: OrganizerRecord): Promise<boolean>;
	byEmail(email: string): Promise<OrganizerRecord | undefined>;
	byId(id: string): Promise<OrganizerRecord | undefined>;
	/** By email. */
	list(): Promise<OrganizerRecord[]>;
	/** Removes the organizer and their sessions; false when there is none. */
	removeByEmail(email: string): Promise<boolean>;
}

const toOrganizer = ({ id, email, createdAt }: OrganizerRecord): Organizer => ({ id, email, createdAt });

export function normalizeEmail(email: string): string {
	return email.normalize('NFC').trim().toLowerCase();
}

export function isPlausibleEmail(email: string): boolean {
	return email.length <= 254 && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email);
}

/** Organizers' accounts: a password for the console, a token for the API, both stored as hashes only. */
export function organizerAccounts(records: OrganizerRecords) {
	return {
		/** Creates an organizer; the password and token are returned this once and never stored. */
		async add(emailInput: string): Promise<{ organizer: Organizer; password: string; token: string }> {
			const email = normalizeEmail(emailInput);
			if (!isPlausibleEmail(email)) throw new Error(`not an email address: ${emailInput}`);
			const id = randomUUID();
			const password = newSecret(15);
			const { token, hash } = newApiToken(id);
			const record: OrganizerRecord = { id, email, createdAt: new Date().toISOString(), passwordHash: hashPassword(password), tokenHash: hash };
			if (!(await records.insert(record))) throw new Error(`organizer already exists: ${email}`);
			return { organizer: toOrganizer(record), password, token };
		},

		async list(): Promise<Organizer[]> {
			return (await records.list()).map(toOrganizer);
		},

		/** Removes an organizer and ends their sessions; false when there is none. */
		remove(emailInput: string): Promise<boolean> {
			return records.removeByEmail(normalizeEmail(emailInput));
		},

		async byId(id: string): Promise<Organizer | undefined> {
			const record = await records.byId(id);
			return record && toOrganizer(record);
		},

		/** The organizer whose email and password these are, else undefined. */
		async checkPassword(emailInput: string, password: string): Promise<Organizer | undefined> {
			const record = await records.byEmail(normalizeEmail(emailInput));
			return (await passwordMatches(password, record?.passwordHash)) && record ? toOrganizer(record) : undefined;
		},

		/** The organizer an API token belongs to, else undefined. */
		async checkToken(token: string): Promise<Organizer | undefined> {
			const record = await recordOfApiToken(token, records.byId);
			return record && toOrganizer(record);
		}
	};
}

export type OrganizerAccounts = ReturnType<typeof organizerAccounts>;
