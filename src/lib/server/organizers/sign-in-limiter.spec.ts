import { describe, expect, it } from 'vitest';
import { createSignInLimiter, MAX_FAILURES_PER_EMAIL, WINDOW_MS } from './sign-in-limiter';

describe('sign-in limiter', () => {
	it('blocks an email after too many failures, then lets it try again once the window passes', () => {
		let clock = 0;
		const limiter = createSignInLimiter(() => clock);
		for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) {
			expect(limiter.isBlocked('a@example.org', '1.2.3.4')).toBe(false);
			limiter.recordFailure('a@example.org', '1.2.3.4');
		}
		expect(limiter.isBlocked('a@example.org', '5.6.7.8')).toBe(true);
		expect(limiter.isBlocked('b@example.org', '5.6.7.8')).toBe(false);
		clock += WINDOW_MS + 1;
		expect(limiter.isBlocked('a@example.org', '1.2.3.4')).toBe(false);
	});
});
