import { describe, expect, it } from 'vitest';
import { parseLiveCount } from './live-count';

describe('parseLiveCount', () => {
	it('reads a stream event', () => {
		expect(parseLiveCount({ count: 3, updatedAt: '2022-05-18T18:21:00Z', latest: [] })).toEqual({ count: 3, updatedAt: '2022-05-18T18:21:00Z', latest: [] });
	});

	it('reads the JSON of GET /api/pledges, whose list is called pledges', () => {
		expect(parseLiveCount({ count: 1, updatedAt: 'x', pledges: [{ id: 'a' }] })?.latest).toEqual([{ id: 'a' }]);
	});

	it('rejects anything without a whole, non-negative count', () => {
		for (const value of [null, 'text', {}, { count: -1 }, { count: 1.5 }, { count: '3' }]) expect(parseLiveCount(value)).toBeUndefined();
	});
});
