import { retryAfterSeconds, type RateRule } from '../limits/rate-limit.ts';
import type { QuestionRecords } from './records.ts';
import type { AskOutcome, QuestionLimits, Writer } from './types.ts';

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

const HOUR_MS = 60 * 60_000;
/** A browser at its pending limit may ask again once one is moderated: try in a minute. */
export const PENDING_RETRY_SECONDS = 60;

/**
 * Whether this writer may ask now, counted from the questions the store holds, inside the ask's
 * own write transaction (asking.ts). Not through RateLimits like the votes: "pending" is a state of
 * the questions (it ends when an organizer moderates one), not a count of attempts, and a count
 * kept beside the questions could drift from them. Counted this way, the limits hold across
 * instances and restarts, a refused ask costs nothing (nothing is written), and no parallel ask
 * slips past them (the transaction holds the writer's locks, and SQLite's one writer at a time).
 * An address counts under the current and the previous key, so a rotation resets nothing.
 */
export async function askingRefusal(records: QuestionRecords, writer: Writer, limits: QuestionLimits, now: Date): Promise<Extract<AskOutcome, { kind: 'limited' }> | undefined> {
	const browser = [writer.browser];
	const isPendingOver =
		(await records.pendingCount('browser', browser)) >= limits.pendingPerBrowser || (await records.pendingCount('address', writer.addresses)) >= limits.pendingPerAddress;
	if (isPendingOver) return { kind: 'limited', retryAfterSeconds: PENDING_RETRY_SECONDS };
	const hourAgo = new Date(now.getTime() - HOUR_MS);
	// The oldest of the questions that fill a window: the window has room again an hour after it.
	const oldestFilling = async (by: 'browser' | 'address', hashes: readonly string[], max: number) => {
		const times = await records.askedAfter(by, hashes, hourAgo, max);
		return times.length >= max ? times[times.length - 1] : undefined;
	};
	const oldest = (await oldestFilling('browser', browser, limits.askedPerHourPerBrowser)) ?? (await oldestFilling('address', writer.addresses, limits.askedPerHourPerAddress));
	return oldest && { kind: 'limited', retryAfterSeconds: retryAfterSeconds(oldest.getTime() + HOUR_MS - now.getTime()) };
}

/**
 * Votes (and withdrawals) a minute, kept by the store's rate limits (src/lib/server/limits/). A browser
 * that clears its cookie before each vote is a new browser each time: on one question, what bounds it
 * is `addressOnQuestion`, sized for a room behind one NAT address (120 of its people can vote for the
 * same question within a minute; more wait their turn, told when to try again).
 */
export const VOTES_PER_MINUTE = { browser: 60, address: 1200, addressOnQuestion: 120 } as const;

export function voteRules(writer: Writer, questionId: string): RateRule[] {
	const address = writer.addresses[0];
	return [
		{ key: `question-votes:browser:${writer.browser}`, limit: VOTES_PER_MINUTE.browser, windowMs: 60_000 },
		{ key: `question-votes:address:${address}`, limit: VOTES_PER_MINUTE.address, windowMs: 60_000 },
		{ key: `question-votes:address:${address}:question:${questionId}`, limit: VOTES_PER_MINUTE.addressOnQuestion, windowMs: 60_000 }
	];
}
