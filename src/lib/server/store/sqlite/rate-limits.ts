import type { DatabaseSync } from 'node:sqlite';
import { counted, decide, expiresAt, type RateDecision, type RateLimits, type RateRule, type RateState } from '../../limits/rate-limit.ts';
import { inTransaction } from './database.ts';

interface RateRow {
	count: number;
	first_at: number;
	last_at: number;
}

/** Rate limits in the `rate_limits` table; BEGIN IMMEDIATE makes each take one atomic step across processes. */
export function sqliteRateLimits(db: DatabaseSync): RateLimits {
	const read = (key: string): RateState | undefined => {
		const row = db.prepare('SELECT count, first_at, last_at FROM rate_limits WHERE key = ?').get(key) as RateRow | undefined;
		return row && { count: row.count, firstAt: row.first_at, lastAt: row.last_at };
	};

	return {
		async take(rules: readonly RateRule[], now = Date.now()): Promise<RateDecision> {
			return inTransaction(db, () => {
				db.prepare('DELETE FROM rate_limits WHERE expires_at <= ?').run(now);
				const states = rules.map((rule) => read(rule.key));
				const refusals = rules.flatMap((rule, index) => {
					const decision = decide(rule, states[index], now);
					return decision.allowed ? [] : [decision.retryAfterMs];
				});
				if (refusals.length > 0) return { allowed: false, retryAfterMs: Math.max(...refusals) };
				const upsert = db.prepare(
					`INSERT INTO rate_limits (key, count, first_at, last_at, expires_at) VALUES (?, ?, ?, ?, ?)
					 ON CONFLICT (key) DO UPDATE SET count = excluded.count, first_at = excluded.first_at,
					 last_at = excluded.last_at, expires_at = excluded.expires_at`
				);
				rules.forEach((rule, index) => {
					const next = counted(rule, states[index], now);
					upsert.run(rule.key, next.count, next.firstAt, next.lastAt, expiresAt(rule, next));
				});
				return { allowed: true };
			});
		},

		async release(keys: readonly string[]): Promise<void> {
			await inTransaction(db, () => {
				const step = db.prepare('UPDATE rate_limits SET count = count - 1 WHERE key = ? AND count > 0');
				for (const key of keys) step.run(key);
			});
		},

		async reset(keys: readonly string[]): Promise<void> {
			await inTransaction(db, () => {
				const forget = db.prepare('DELETE FROM rate_limits WHERE key = ?');
				for (const key of keys) forget.run(key);
			});
		}
	};
}
