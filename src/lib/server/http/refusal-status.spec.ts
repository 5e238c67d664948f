import { describe, expect, it } from 'vitest';
import { REFUSAL_STATUS, refusalHeaders, refusalStatus, type RefusalKind } from './refusal-status';

describe('the status of a refusal', () => {
	it('is 403 for a rule, 409 or 422 for a conflict with what is stored, 429 for a limit, 404 for what is not there', () => {
		const expected: Record<RefusalKind, number> = {
			closed: 403,
			forged: 403,
			duplicate: 409,
			'not-public': 409,
			'key-reused': 422,
			limited: 429,
			'not-found': 404,
			'no-address': 400
		};
		expect(REFUSAL_STATUS).toEqual(expected);
		for (const kind of Object.keys(expected) as RefusalKind[]) expect(refusalStatus({ kind })).toBe(expected[kind]);
	});

	it('says when to come back after a limit, and nothing otherwise', () => {
		expect(refusalHeaders({ kind: 'limited', retryAfterSeconds: 42 })).toEqual({ 'retry-after': '42' });
		expect(refusalHeaders({ kind: 'closed' })).toEqual({});
	});
});
