import { randomUUID } from 'node:crypto';
import { isPlausibleEmail, normalizeEmail } from '../organizers/accounts.ts';
import { newApiToken, recordOfApiToken } from '../organizers/secrets.ts';
import type { CaptionerAccount, CaptionerRecord, CaptionerRecords } from './types.ts';

const toCaptioner = ({ id, email, createdAt }: CaptionerRecord): CaptionerAccount => ({ id, email, createdAt });

/** Captioners: an API token for POST /api/captions and nothing else, stored as its hash only. */
export function captionerAccounts(records: CaptionerRecords) {
	return {
		/** Creates a captioner; the token is returned this once and never stored. */
		async add(emailInput: string): Promise<{ captioner: CaptionerAccount; token: string }> {
			const email = normalizeEmail(emailInput);
			if (!isPlausibleEmail(email)) throw new Error(`not an email address: ${emailInput}`);
			const id = randomUUID();
			const { token, hash } = newApiToken(id);
			const record: CaptionerRecord = { id, email, createdAt: new Date().toISOString(), tokenHash: hash };
			if (!(await records.insert(record))) throw new Error(`captioner already exists: ${email}`);
			return { captioner: toCaptioner(record), token };
		},
		async list(): Promise<CaptionerAccount[]> {
			return (await records.list()).map(toCaptioner);
		},
		remove: (emailInput: string) => records.removeByEmail(normalizeEmail(emailInput)),
		/** The captioner an API token belongs to, else undefined. */
		async checkToken(token: string): Promise<CaptionerAccount | undefined> {
			const record = await recordOfApiToken(token, records.byId);
			return record && toCaptioner(record);
		}
	};
}

export type CaptionerAccounts = ReturnType<typeof captionerAccounts>;
