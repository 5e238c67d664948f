import { counted, decide, expiresAt, type RateLimits, type RateState } from '../limits/rate-limit.ts';
import type { Engine } from './engine.ts';

/**
 * Rate limits in the `rate_limits` table, the same on both engines and shared by every process and
 * instance on the store: a take decides (limits/rate-limit.ts) and writes in one transaction, its
 * keys' rows locked meanwhile. PostgreSQL locks them (created first if missing, in key order so two
 * takes never deadlock); SQLite's one writer at a time needs no row locks.
 */
export function engineRateLimits(engine: Engine): RateLimits {
	const isPostgres = engine.kind === 'postgres';
	return {
		async take(rules, now = Date.now()) {
			if (rules.length === 0) return { allowed: true };
			return engine.transaction(async ({ db }) => {
				// Forget expired counts, skipping rows another take holds.
				await db
					.deleteFrom('rate_limits')
					.where('key', 'in', (eb) =>
						eb
							.selectFrom('rate_limits')
							.select('key')
							.where('expires_at', '<=', now)
							.$if(isPostgres, (query) => query.forUpdate().skipLocked())
					)
					.execute();
				const keys = [...new Set(rules.map((rule) => rule.key))].sort();
				await db
					.insertInto('rate_limits')
					.values(keys.map((key) => ({ key, count: 0, first_at: 0, last_at: 0, expires_at: 0 })))
					.onConflict((conflict) => conflict.column('key').doNothing())
					.execute();
				const rows = await db
					.selectFrom('rate_limits')
					.select(['key', 'count', 'first_at', 'last_at'])
					.where('key', 'in', keys)
					.orderBy('key')
					.$if(isPostgres, (query) => query.forUpdate())
					.execute();
				const byKey = new Map(rows.map((row) => [row.key, row]));
				const states = rules.map((rule): RateState | undefined => {
					const row = byKey.get(rule.key);
					return row && row.count > 0 ? { count: row.count, firstAt: row.first_at, lastAt: row.last_at } : undefined;
				});
				const refusals = rules.flatMap((rule, index) => {
					const decision = decide(rule, states[index], now);
					return decision.allowed ? [] : [decision.retryAfterMs];
				});
				if (refusals.length > 0) return { allowed: false, retryAfterMs: Math.max(...refusals) };
				for (const [index, rule] of rules.entries()) {
					const next = counted(rule, states[index], now);
					await db
						.updateTable('rate_limits')
						.set({ count: next.count, first_at: next.firstAt, last_at: next.lastAt, expires_at: expiresAt(rule, next) })
						.where('key', '=', rule.key)
						.execute();
				}
				return { allowed: true };
			});
		},

		async release(keys) {
			if (keys.length === 0) return;
			await engine.db
				.updateTable('rate_limits')
				.set((eb) => ({ count: eb('count', '-', 1) }))
				.where('key', 'in', keys)
				.where('count', '>', 0)
				.execute();
		},

		async reset(keys) {
			if (keys.length === 0) return;
			await engine.db.deleteFrom('rate_limits').where('key', 'in', keys).execute();
		}
	};
}
