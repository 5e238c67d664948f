/**
 * Rate limits kept in the store, so they hold across restarts and instances. A rule counts the
 * attempts made under one key (an email, a client address, a browser):
 * - `window`: at most `limit` attempts per window from the first one; then refused until it ends.
 * - `backoff`: `limit` attempts freely, then each further one only after a delay that doubles with
 *   every attempt counted (capped), refused meanwhile with the time left. The count decays once
 *   `windowMs` has passed since the last counted attempt. Never a lock held open: a refusal says when.
 * The decision is pure; the store keeps the state (src/lib/server/store/rate-limits.ts, both engines).
 */
export interface RateRule {
	key: string;
	limit: number;
	windowMs: number;
	/** Growing delays instead of a fixed window (sign-in, per OWASP's throttling advice). */
	backoff?: { baseMs: number; maxMs: number };
}

/** What the store keeps per key (instants in ms since the epoch). */
export interface RateState {
	count: number;
	firstAt: number;
	lastAt: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The state as it stands at `now`: counts older than their window are forgotten. */
export function currentState(rule: RateRule, state: RateState | undefined, now: number): RateState | undefined {
	if (!state) return undefined;
	const since = rule.backoff ? state.lastAt : state.firstAt;
	return now - since >= rule.windowMs ? undefined : state;
}

/** Whether one more attempt may be made now under `rule`, given the current state. */
export function decide(rule: RateRule, state: RateState | undefined, now: number): RateDecision {
	const current = currentState(rule, state, now);
	if (!current || current.count < rule.limit) return { allowed: true };
	const until = rule.backoff
		? current.lastAt + Math.min(rule.backoff.maxMs, rule.backoff.baseMs * 2 ** (current.count - rule.limit))
		: current.firstAt + rule.windowMs;
	return until > now ? { allowed: false, retryAfterMs: until - now } : { allowed: true };
}

/** The state after one more counted attempt at `now`. */
export function counted(rule: RateRule, state: RateState | undefined, now: number): RateState {
	const current = currentState(rule, state, now);
	return current ? { count: current.count + 1, firstAt: current.firstAt, lastAt: now } : { count: 1, firstAt: now, lastAt: now };
}

/** When the store may forget the key's state. */
export function expiresAt(rule: RateRule, state: RateState): number {
	return (rule.backoff ? state.lastAt : state.firstAt) + rule.windowMs;
}

/** Whole seconds for a `Retry-After` header (at least 1). */
export function retryAfterSeconds(retryAfterMs: number): number {
	return Math.max(1, Math.ceil(retryAfterMs / 1000));
}

/** The store's side of rate limits (one implementation per engine). */
export interface RateLimits {
	/**
	 * Counts one attempt under every rule, or none when any refuses (then the longest wait is
	 * returned). Decided and written atomically: parallel attempts cannot all slip under a limit.
	 */
	take(rules: readonly RateRule[], now?: number): Promise<RateDecision>;
	/** Takes back one counted attempt per key (an attempt that turned out to be legitimate). */
	release(keys: readonly string[]): Promise<void>;
	/** Forgets the keys' counts (e.g. an account's failures after a successful sign-in). */
	reset(keys: readonly string[]): Promise<void>;
}
