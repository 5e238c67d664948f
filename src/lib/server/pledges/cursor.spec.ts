import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('the list cursor', () => {
	it('gives back the position it was made from', () => {
		for (const position of [1, 42, 1_000_001, Number.MAX_SAFE_INTEGER]) expect(decodeCursor(encodeCursor(position))).toBe(position);
		expect(encodeCursor(42)).toMatch(/^[A-Za-z0-9_-]+$/);
	});

	it('refuses what this site did not make', () => {
		const valid = encodeCursor(42);
		for (const cursor of ['', 'abc', '42', `${valid}=`, `${valid}A`, valid.slice(1), Buffer.from('after:042').toString('base64url'), Buffer.from('after:0').toString('base64url'), Buffer.from('after:-1').toString('base64url'), Buffer.from('after:99999999999999999').toString('base64url'), 'x'.repeat(100), 'a b']) {
			expect(decodeCursor(cursor), cursor).toBeUndefined();
		}
	});
});
