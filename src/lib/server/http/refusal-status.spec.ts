import { describe, expect, it } from 'vitest';
import { REFUSAL_STATUS, refusalHeaders, refusalStatus, type RefusalKind } from './refusal-status';

const statuses = (kinds: RefusalKind[]) => kinds.map((kind) => refusalStatus({ kind }));

describe('the status of a refusal', () => {
	it('is 403 for a rule, 409 or 422 for a conflict with what is stored, 429 for a limit, 404 for what is not there', () => {
		expect(statuses(['closed', 'forged'])).toEqual([403, 403]);
		expect(statuses(['duplicate', 'not-public', 'key-reused'])).toEqual([409, 409, 422]);
		expect(statuses(['limited', 'not-found', 'no-address'])).toEqual([429, 404, 400]);
	});

	it('is always the client’s fault: a 4xx, never a 5xx', () => {
		for (const status of Object.values(REFUSAL_STATUS)) expect(Math.floor(status / 100)).toBe(4);
	});

	it('says when to come back after a limit, and nothing otherwise', () => {
		expect(refusalHeaders({ kind: 'limited', retryAfterSeconds: 42 })).toEqual({ 'retry-after': '42' });
		expect(refusalHeaders({ kind: 'closed' })).toEqual({});
	});
});
