/**
 * Failed sign-ins, counted in memory per email and per client address: after too many in a
 * window, further attempts are refused until it passes (slows password guessing to a crawl).
 */
export const WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

export function createSignInLimiter(now: () => number = Date.now) {
	const failures = new Map<string, number[]>();

	function recent(key: string): number[] {
		const since = now() - WINDOW_MS;
		const list = (failures.get(key) ?? []).filter((at) => at > since);
		if (list.length === 0) failures.delete(key);
		else failures.set(key, list);
		return list;
	}

	return {
		isBlocked(email: string, address: string): boolean {
			return recent(`email:${email}`).length >= MAX_FAILURES_PER_EMAIL || recent(`address:${address}`).length >= MAX_FAILURES_PER_ADDRESS;
		},
		recordFailure(email: string, address: string): void {
			for (const key of [`email:${email}`, `address:${address}`]) failures.set(key, [...recent(key), now()]);
		},
		recordSuccess(email: string): void {
			failures.delete(`email:${email}`);
		}
	};
}

export const signInLimiter = createSignInLimiter();
