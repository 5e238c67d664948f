import { createBoundedQueue, QueueFull } from '../limits/bounded-queue.ts';
import type { RateLimits, RateRule } from '../limits/rate-limit.ts';

/**
 * Who may try a password now. Each attempt is counted *before* the password is hashed (so parallel
 * guesses cannot all be checked), per client address and per account, and given back when it
 * succeeds. Past the free attempts each further one must wait twice as long as the last (OWASP:
 * throttle, never lock out): refused with the wait, never held open. A device that signed in before
 * is counted on its own instead of on the account, so strangers' failures do not lock it out.
 */
const WINDOW_MS = 15 * 60_000;
const BACKOFF = { baseMs: 30_000, maxMs: WINDOW_MS };
export const FREE_ATTEMPTS_PER_ACCOUNT = 5;
export const FREE_ATTEMPTS_PER_ADDRESS = 20;

// scrypt takes libuv's threads (4 by default): leave some for the files every page needs.
const passwordChecks = createBoundedQueue(2, 8);

export type SignInAttempt<T> =
	| { outcome: 'checked'; result: T }
	| { outcome: 'throttled'; retryAfterMs: number }
	| { outcome: 'busy'; retryAfterMs: number };

export interface Attempter {
	email: string;
	address: string;
	/** The id of a device that signed in to this account before, when the request carries one. */
	device?: string;
}

export function signInRules({ email, address, device }: Attempter): RateRule[] {
	return [
		{ key: `sign-in:address:${address}`, limit: FREE_ATTEMPTS_PER_ADDRESS, windowMs: WINDOW_MS, backoff: BACKOFF },
		device
			? { key: `sign-in:device:${device}`, limit: FREE_ATTEMPTS_PER_ACCOUNT, windowMs: WINDOW_MS, backoff: BACKOFF }
			: { key: `sign-in:account:${email}`, limit: FREE_ATTEMPTS_PER_ACCOUNT, windowMs: WINDOW_MS, backoff: BACKOFF }
	];
}

/**
 * Runs `check` (the password check) if this attempter may try now; `isSuccess` says whether it
 * passed, which gives the attempt back and clears the account's (or device's) failures.
 */
export async function throttledSignIn<T>(
	limits: RateLimits,
	attempter: Attempter,
	check: () => Promise<T>,
	isSuccess: (result: T) => boolean,
	now = Date.now()
): Promise<SignInAttempt<T>> {
	if (passwordChecks.isFull) return { outcome: 'busy', retryAfterMs: 1000 };
	const rules = signInRules(attempter);
	const decision = await limits.take(rules, now);
	if (!decision.allowed) return { outcome: 'throttled', retryAfterMs: decision.retryAfterMs };
	let result: T;
	try {
		result = await passwordChecks.run(check);
	} catch (error) {
		await limits.release(rules.map((rule) => rule.key));
		if (error instanceof QueueFull) return { outcome: 'busy', retryAfterMs: 1000 };
		throw error;
	}
	if (isSuccess(result)) {
		const [address, account] = rules;
		await limits.release([address.key]);
		await limits.reset([account.key]);
	}
	return { outcome: 'checked', result };
}
