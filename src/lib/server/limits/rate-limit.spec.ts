import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database';
import type { RateLimits, RateRule } from './rate-limit';
import { sqliteRateLimits } from './sqlite-rate-limits';

const hourly: RateRule = { key: 'questions:1.2.3.4', limit: 3, windowMs: 3600_000 };
const signIn: RateRule = { key: 'sign-in:a@example.org', limit: 2, windowMs: 900_000, backoff: { baseMs: 1000, maxMs: 8000 } };

let dir: string;
let file: string;
let close: () => void;
let limits: RateLimits;

function open(): RateLimits {
	const db = openDatabase(file);
	close = () => db.close();
	return sqliteRateLimits(db);
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'imrf-limits-'));
	file = join(dir, 'site.db');
	limits = open();
});
afterEach(() => {
	close();
	rmSync(dir, { recursive: true, force: true });
});

describe('rate limits in the store', () => {
	it('allows the limit within a window, then refuses until the window ends', async () => {
		for (let i = 0; i < 3; i++) expect(await limits.take([hourly], 1000 + i)).toEqual({ allowed: true });
		expect(await limits.take([hourly], 2000)).toEqual({ allowed: false, retryAfterMs: 3600_000 - 1000 });
		expect(await limits.take([hourly], 1000 + 3600_000)).toEqual({ allowed: true });
	});

	it('grows the wait after the limit with every counted attempt, up to the cap', async () => {
		let now = 0;
		await limits.take([signIn], now);
		await limits.take([signIn], now);
		const waits: number[] = [];
		for (let i = 0; i < 5; i++) {
			const refused = await limits.take([signIn], now);
			if (refused.allowed) throw new Error('expected a refusal');
			waits.push(refused.retryAfterMs);
			now += refused.retryAfterMs;
			expect(await limits.take([signIn], now)).toEqual({ allowed: true });
		}
		expect(waits).toEqual([1000, 2000, 4000, 8000, 8000]);
	});

	it('counts all rules or none: a refusal by one leaves the others untouched', async () => {
		const other: RateRule = { ...hourly, key: 'questions:browser', limit: 10 };
		for (let i = 0; i < 3; i++) await limits.take([hourly, other], 0);
		expect((await limits.take([hourly, other], 1)).allowed).toBe(false);
		for (let i = 0; i < 7; i++) expect((await limits.take([other], 2)).allowed).toBe(true);
		expect((await limits.take([other], 3)).allowed).toBe(false);
	});

	it('release takes back one attempt and reset forgets the key', async () => {
		for (let i = 0; i < 3; i++) await limits.take([hourly], 0);
		await limits.release([hourly.key]);
		expect((await limits.take([hourly], 1)).allowed).toBe(true);
		expect((await limits.take([hourly], 2)).allowed).toBe(false);
		await limits.reset([hourly.key]);
		expect((await limits.take([hourly], 3)).allowed).toBe(true);
	});

	it('keeps its counts across a restart', async () => {
		for (let i = 0; i < 3; i++) await limits.take([hourly], 0);
		close();
		limits = open();
		expect((await limits.take([hourly], 1)).allowed).toBe(false);
	});

	it('lets no parallel attempt slip under the limit', async () => {
		const outcomes = await Promise.all(Array.from({ length: 20 }, () => limits.take([hourly], 5)));
		expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(3);
	});
});
