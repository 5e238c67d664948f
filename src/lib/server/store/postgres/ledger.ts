import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createChanges } from '../../pledges/changes.ts';
import { clampLimit, groupNotes, LATEST, toAuditEntry, toEntry, toPledge, type PledgeRow } from '../../pledges/entries.ts';
import type { Actor, AuditEntry, CountryCount, Pledge, PledgeFields, PledgeFilter, PledgeInput, PledgeNote, PledgeStore } from '../../pledges/types.ts';
import { pledgeSearchText, searchPatterns } from '../../../pledges/search.ts';
import { DEFAULT_STATUS } from '../../../pledges/status.ts';
import { inTransaction, poolQuery, type Query } from './database.ts';
import { listenForChanges, CHANGES_CHANNEL } from './listener.ts';

/** A row as `pg` reads it: snake_case times as Date, compacts as a text[] array, seq (bigint) as a string. */
type PgPledgeRow = Omit<PledgeRow, 'createdAt' | 'updatedAt' | 'withdrawnAt'> & { seq: string; created_at: Date; updated_at: Date; withdrawn_at: Date | null };

const fromPg = (row: PgPledgeRow): PledgeRow => ({
	id: row.id,
	government: row.government,
	country: row.country,
	title: row.title,
	description: row.description,
	compacts: row.compacts,
	url: row.url,
	status: row.status,
	createdAt: row.created_at.toISOString(),
	updatedAt: row.updated_at.toISOString(),
	withdrawnAt: row.withdrawn_at?.toISOString() ?? null
});

const PLEDGE_VALUES = (input: PledgeFields) => [input.government, input.country, input.title, input.description ?? null, input.compacts, input.url ?? null, pledgeSearchText(input)];

/**
 * The pledges handed over that match a filter, on the parameters $1 to $4 (`matchValues`). LIKE's
 * escape character is `\` by default here, as the patterns expect.
 */
const MATCHES = `withdrawn_at IS NULL
	AND ($1::text IS NULL OR country = $1) AND ($2::text IS NULL OR $2 = ANY (compacts))
	AND search_text LIKE ALL ($3::text[]) AND ($4::text IS NULL OR status = $4)`;

const matchValues = (filter: PledgeFilter) => [filter.country ?? null, filter.compact ?? null, searchPatterns(filter.q ?? ''), filter.status ?? null];

/**
 * The pledge ledger on PostgreSQL: each write is one transaction, and tells every instance through
 * NOTIFY (delivered on commit); this instance's listeners hear it at once, others through LISTEN.
 */
export function postgresLedger(pool: pg.Pool, url: string): PledgeStore {
	const query = poolQuery(pool);
	const changes = createChanges(() => listenForChanges(url, () => changes.notify()));

	/** A write, then the news of it once committed. */
	async function write<T>(work: (query: Query) => Promise<T>): Promise<T> {
		const result = await inTransaction(pool, work);
		changes.notify();
		return result;
	}

	/** The audit entry and the NOTIFY that carries its number to the other instances. */
	async function audit(q: Query, actor: Actor, action: AuditEntry['action'], pledgeId: string | null, detail: string | null, at: Date): Promise<void> {
		const [{ seq }] = await q<{ seq: string }>(
			'INSERT INTO audit_log (at, organizer_email, action, pledge_id, detail) VALUES ($1, $2, $3, $4, $5) RETURNING seq',
			[at, actor.email, action, pledgeId, detail]
		);
		await q('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, seq]);
	}

	async function insert(q: Query, input: PledgeInput, at: Date): Promise<Pledge> {
		const [row] = await q<PgPledgeRow>(
			`INSERT INTO pledges (id, government, country, title, description, compacts, url, search_text, status, created_at, updated_at)
			 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) RETURNING *`,
			[randomUUID(), ...PLEDGE_VALUES(input), input.status ?? DEFAULT_STATUS, at]
		);
		return toPledge(fromPg(row));
	}

	/** Matching rows, newest first (by `seq`, which only grows), after the position `after` if given. */
	function matchingRows(filter: PledgeFilter, limit: number, after?: number): Promise<PgPledgeRow[]> {
		return query<PgPledgeRow>(`SELECT * FROM pledges WHERE ${MATCHES} AND ($5::bigint IS NULL OR seq < $5) ORDER BY seq DESC LIMIT $6`, [
			...matchValues(filter),
			after ?? null,
			limit
		]);
	}

	async function list(filter: PledgeFilter = {}): Promise<Pledge[]> {
		return (await matchingRows(filter, clampLimit(filter.limit))).map((row) => toPledge(fromPg(row)));
	}

	async function notesOf(ids: string[]): Promise<Map<string, PledgeNote[]>> {
		if (ids.length === 0) return new Map();
		const rows = await query<{ pledge_id: string; id: string; date: string; text: string; created_at: Date }>(
			`SELECT pledge_id, id, to_char(day, 'YYYY-MM-DD') AS date, text, created_at FROM pledge_notes
			 WHERE pledge_id = ANY ($1) ORDER BY day DESC, seq DESC`,
			[ids]
		);
		return groupNotes(rows.map((row) => ({ pledgeId: row.pledge_id, id: row.id, date: row.date, text: row.text, createdAt: row.created_at.toISOString() })));
	}

	/** Withdraws or restores: changes `withdrawn_at` only if it is not already so. */
	function setWithdrawn(id: string, actor: Actor, isWithdrawn: boolean): Promise<boolean> {
		return write(async (q) => {
			const at = new Date();
			const [row] = await q<{ title: string }>(
				isWithdrawn
					? 'UPDATE pledges SET withdrawn_at = $2 WHERE id = $1 AND withdrawn_at IS NULL RETURNING title'
					: 'UPDATE pledges SET withdrawn_at = NULL WHERE id = $1 AND withdrawn_at IS NOT NULL RETURNING title',
				isWithdrawn ? [id, at] : [id]
			);
			if (row) await audit(q, actor, isWithdrawn ? 'withdraw' : 'restore', id, row.title, at);
			return Boolean(row);
		});
	}

	return {
		changes,

		async snapshot() {
			const [[{ count, updated_at }], latest] = await Promise.all([
				query<{ count: number; updated_at: Date }>(
					`SELECT (SELECT COUNT(*)::integer FROM pledges WHERE withdrawn_at IS NULL) AS count,
					        COALESCE((SELECT MAX(at) FROM audit_log WHERE action NOT LIKE 'question%'), (SELECT created_at FROM ledger WHERE id = 1)) AS updated_at`
				),
				list({ limit: LATEST })
			]);
			return { count, updatedAt: (updated_at ?? new Date(0)).toISOString(), latest };
		},

		list,

		async listPage(filter, { limit, after }) {
			const [rows, [counts]] = await Promise.all([
				matchingRows(filter, clampLimit(limit) + 1, after),
				query<{ matching: number; before: number }>(
					`SELECT COUNT(*)::integer AS matching, (COUNT(*) FILTER (WHERE seq >= $5::bigint))::integer AS before FROM pledges WHERE ${MATCHES}`,
					[...matchValues(filter), after ?? null]
				)
			]);
			const pledges = rows.slice(0, clampLimit(limit));
			return {
				pledges: pledges.map((row) => toPledge(fromPg(row))),
				matching: counts.matching,
				before: counts.before,
				next: rows.length > pledges.length ? Number(pledges.at(-1)!.seq) : null
			};
		},

		async entries() {
			return (await query<PgPledgeRow>('SELECT * FROM pledges ORDER BY seq DESC')).map((row) => toEntry(fromPg(row)));
		},

		async get(id) {
			const [row] = await query<PgPledgeRow>('SELECT * FROM pledges WHERE id = $1', [id]);
			return row && toEntry(fromPg(row));
		},

		add(input, actor) {
			return write(async (q) => {
				const at = new Date();
				const pledge = await insert(q, input, at);
				await audit(q, actor, 'add', pledge.id, pledge.title, at);
				return pledge;
			});
		},

		addMany(inputs, actor) {
			return write(async (q) => {
				const at = new Date();
				const pledges: Pledge[] = [];
				for (const input of inputs) pledges.push(await insert(q, input, at));
				await audit(q, actor, 'import', null, String(pledges.length), at);
				return pledges;
			});
		},

		async addOnce(input, actor, idempotency) {
			const outcome = await inTransaction(pool, async (q) => {
				const at = new Date();
				if (idempotency) {
					// Claims the key first: a retry running at the same time on another instance waits here
					// for this transaction, then finds the key taken and replays its answer.
					const claimed = await q(
						`INSERT INTO idempotency_keys (organizer_id, key, request_hash, status, body, created_at)
						 VALUES ($1, $2, $3, 0, '', $4) ON CONFLICT DO NOTHING RETURNING 1`,
						[actor.id, idempotency.key, idempotency.requestHash, at]
					);
					if (claimed.length === 0) {
						const [previous] = await q<{ request_hash: string; status: number; body: string }>(
							'SELECT request_hash, status, body FROM idempotency_keys WHERE organizer_id = $1 AND key = $2',
							[actor.id, idempotency.key]
						);
						return previous.request_hash === idempotency.requestHash
							? ({ kind: 'stored', status: previous.status, body: previous.body, replayed: true } as const)
							: ({ kind: 'key-reused' } as const);
					}
				}
				const pledge = await insert(q, input, at);
				await audit(q, actor, 'add', pledge.id, pledge.title, at);
				const body = JSON.stringify(pledge);
				if (idempotency) {
					await q('UPDATE idempotency_keys SET status = 201, body = $3 WHERE organizer_id = $1 AND key = $2', [actor.id, idempotency.key, body]);
				}
				return { kind: 'stored', status: 201, body, replayed: false } as const;
			});
			if (outcome.kind === 'stored' && !outcome.replayed) changes.notify();
			return outcome;
		},

		update(id, input, actor) {
			return write(async (q) => {
				const at = new Date();
				const [row] = await q<PgPledgeRow>(
					`UPDATE pledges SET government = $2, country = $3, title = $4, description = $5, compacts = $6, url = $7, search_text = $8, updated_at = $9
					 WHERE id = $1 RETURNING *`,
					[id, ...PLEDGE_VALUES(input), at]
				);
				if (!row) return undefined;
				await audit(q, actor, 'update', id, input.title, at);
				return toPledge(fromPg(row));
			});
		},

		async setStatus(id, status, actor) {
			return write(async (q) => {
				const at = new Date();
				const [changed] = await q<PgPledgeRow>('UPDATE pledges SET status = $2, updated_at = $3 WHERE id = $1 AND status <> $2 RETURNING *', [id, status, at]);
				if (changed) {
					await audit(q, actor, `status-${status}`, id, changed.title, at);
					return toPledge(fromPg(changed));
				}
				const [unchanged] = await q<PgPledgeRow>('SELECT * FROM pledges WHERE id = $1', [id]);
				return unchanged && toPledge(fromPg(unchanged));
			});
		},

		addNote(id, note, actor) {
			return write(async (q) => {
				const at = new Date();
				const [pledge] = await q<{ title: string }>('UPDATE pledges SET updated_at = $2 WHERE id = $1 RETURNING title', [id, at]);
				if (!pledge) return undefined;
				const [row] = await q<{ id: string }>('INSERT INTO pledge_notes (id, pledge_id, day, text, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id', [
					randomUUID(),
					id,
					note.date,
					note.text,
					at
				]);
				await audit(q, actor, 'note', id, pledge.title, at);
				return { id: row.id, date: note.date, text: note.text, createdAt: at.toISOString() } satisfies PledgeNote;
			});
		},

		async notes(id) {
			return (await notesOf([id])).get(id) ?? [];
		},

		notesOf,

		withdraw: (id, actor) => setWithdrawn(id, actor, true),
		restore: (id, actor) => setWithdrawn(id, actor, false),

		async auditLog(limit = 200) {
			const rows = await query<{ at: Date; organizerEmail: string; action: AuditEntry['action']; pledgeId: string | null; detail: string | null }>(
				'SELECT at, organizer_email AS "organizerEmail", action, pledge_id AS "pledgeId", detail FROM audit_log ORDER BY seq DESC LIMIT $1',
				[limit]
			);
			return rows.map((row) => toAuditEntry({ ...row, at: row.at.toISOString() }));
		},

		countryCounts() {
			return query<CountryCount>('SELECT country, COUNT(*)::integer AS count FROM pledges WHERE withdrawn_at IS NULL GROUP BY country ORDER BY country');
		}
	};
}
