import type { RateRule } from '../limits/rate-limit';
import type { QuestionLimits, Writer } from './types';

/**
 * Per browser as the issue asks; per address higher, since a room's audience shares one Wi-Fi
 * address (a hundred phones behind one NAT must still be able to ask and vote).
 */
export const QUESTION_LIMITS: QuestionLimits = {
	pendingPerBrowser: 3,
	pendingPerAddress: 30,
	askedPerHourPerBrowser: 10,
	askedPerHourPerAddress: 120
};

/** Votes (and withdrawals) a minute, kept by the store's rate limits (src/lib/server/limits/). */
export const VOTES_PER_MINUTE = { browser: 60, address: 1200 } as const;

export function voteRules(writer: Writer): RateRule[] {
	return [
		{ key: `question-votes:browser:${writer.browser}`, limit: VOTES_PER_MINUTE.browser, windowMs: 60_000 },
		{ key: `question-votes:address:${writer.addresses[0]}`, limit: VOTES_PER_MINUTE.address, windowMs: 60_000 }
	];
}
