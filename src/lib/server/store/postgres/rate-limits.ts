import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { counted, decide, expiresAt, type RateLimits, type RateState } from '../../limits/rate-limit.ts';
import type { ServerSecrets } from '../types.ts';
import { inTransaction, poolQuery } from './database.ts';

/**
 * Rate limits in the `rate_limits` table, shared by every instance: each take locks its keys' rows
 * (created first if missing, in key order so two takes never deadlock), decides, writes, commits.
 */
export function postgresRateLimits(pool: pg.Pool): RateLimits {
	const query = poolQuery(pool);
	return {
		take(rules, now = Date.now()) {
			return inTransaction(pool, async (q) => {
				// Forget expired counts, skipping rows another take holds.
				await q('DELETE FROM rate_limits WHERE key IN (SELECT key FROM rate_limits WHERE expires_at <= $1 FOR UPDATE SKIP LOCKED)', [now]);
				const keys = [...new Set(rules.map((rule) => rule.key))].sort();
				await q('INSERT INTO rate_limits (key, count, first_at, last_at, expires_at) SELECT unnest($1::text[]), 0, 0, 0, 0 ON CONFLICT DO NOTHING', [keys]);
				const rows = await q<{ key: string; count: number; first_at: string; last_at: string }>(
					'SELECT key, count, first_at, last_at FROM rate_limits WHERE key = ANY ($1) ORDER BY key FOR UPDATE',
					[keys]
				);
				const byKey = new Map(rows.map((row) => [row.key, row]));
				const states = rules.map((rule): RateState | undefined => {
					const row = byKey.get(rule.key);
					return row && row.count > 0 ? { count: row.count, firstAt: Number(row.first_at), lastAt: Number(row.last_at) } : undefined;
				});
				const refusals = rules.flatMap((rule, index) => {
					const decision = decide(rule, states[index], now);
					return decision.allowed ? [] : [decision.retryAfterMs];
				});
				if (refusals.length > 0) return { allowed: false, retryAfterMs: Math.max(...refusals) };
				for (const [index, rule] of rules.entries()) {
					const next = counted(rule, states[index], now);
					await q('UPDATE rate_limits SET count = $2, first_at = $3, last_at = $4, expires_at = $5 WHERE key = $1', [
						rule.key,
						next.count,
						next.firstAt,
						next.lastAt,
						expiresAt(rule, next)
					]);
				}
				return { allowed: true };
			});
		},

		async release(keys) {
			await query('UPDATE rate_limits SET count = count - 1 WHERE key = ANY ($1) AND count > 0', [[...keys]]);
		},

		async reset(keys) {
			await query('DELETE FROM rate_limits WHERE key = ANY ($1)', [[...keys]]);
		}
	};
}

/** Shared secrets in `server_secrets`: whoever inserts first wins, everyone reads the same value. */
export function postgresServerSecrets(pool: pg.Pool): ServerSecrets {
	const query = poolQuery(pool);
	const cache = new Map<string, Buffer>();
	return {
		async get(name) {
			const known = cache.get(name);
			if (known) return known;
			await query('INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING', [name, randomBytes(32)]);
			const [{ value }] = await query<{ value: Buffer }>('SELECT value FROM server_secrets WHERE name = $1', [name]);
			cache.set(name, value);
			return value;
		}
	};
}
