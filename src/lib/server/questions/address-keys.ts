import { randomBytes } from 'node:crypto';
import type { QuestionEngine } from './records.ts';
import { ADDRESS_KEY_PERIOD_MS } from './types.ts';

/**
 * The keys of address hashes, current first then previous (limits span a rotation): one random
 * secret per period, made on first use and shared by every instance. Older ones are deleted, so old
 * hashes can no longer be matched to an address.
 */
export async function addressKeys(engine: QuestionEngine, now: Date): Promise<string[]> {
	const period = Math.floor(now.getTime() / ADDRESS_KEY_PERIOD_MS);
	const periods = [period, period - 1];
	const known = await engine.records.addressKeys(periods);
	if (known[0]?.period === period) return known.map((key) => key.secret);
	const made = await engine.write(
		async (records) => {
			await records.addAddressKey(period, randomBytes(32).toString('base64url'));
			await records.deleteAddressKeysBefore(period - 1);
			return records.addressKeys(periods);
		},
		{ isChange: () => false }
	);
	return made.map((key) => key.secret);
}
