import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder } from 'kysely';
import { compiledOnce } from '../store/compiled-once.ts';
import type { Engine, Write } from '../store/engine.ts';
import { isRecordId } from '../store/input-rule.ts';
import type { AllColumns, Database, PledgesTable, Row } from '../store/schema.ts';
import { recordChange } from './audit.ts';
import { clampLimit, fieldColumns, groupNotes, LATEST, NOTE_COLUMNS, toAuditEntry, toEntry, toNote, toPledge, type PledgeRow } from './entries.ts';
import type { Actor, AuditEntry, Pledge, PledgeFilter, PledgeInput, PledgeNote, PledgeStore } from './types.ts';
import { searchPatterns } from '../../pledges/search.ts';
import { DEFAULT_STATUS } from '../../pledges/status.ts';

/**
 * The audit entries of the questions (src/lib/server/questions/) and the captions (src/lib/server/captions/)
 * share the log; they are no change to the pledges. Literals, so that both engines use their partial
 * index `audit_log_pledges_at`.
 */
const QUESTION_ACTIONS = 'question%';
const CAPTION_ACTIONS = 'caption%';
/** Pledge-side entries the public never sees: a submission waiting or returned, invitations and reporters' accounts. */
const NOT_PUBLIC_ACTIONS = ['submit', 'returned', 'invite', 'invite-resent', 'invite-revoked', 'invite-accepted', 'reporter-revoked'] as const;

// The queries of every write and of every update of the live count, compiled once (compiled-once.ts).
const insertPledge = compiledOnce((db, row: AllColumns<PledgesTable>) =>
	db
		.insertInto('pledges')
		.values({
			id: row.id,
			government: row.government,
			country: row.country,
			title: row.title,
			description: row.description,
			compacts: row.compacts,
			url: row.url,
			search_text: row.search_text,
			status: row.status,
			created_at: row.created_at,
			updated_at: row.updated_at,
			withdrawn_at: row.withdrawn_at,
			verification: row.verification,
			reporter_id: row.reporter_id,
			lang: row.lang,
			verified_at: row.verified_at,
			return_reason: row.return_reason,
			last_report_at: row.last_report_at
		})
		.returningAll()
);

/**
 * The pledge ledger's rules, once, above the engines (src/lib/server/store/{sqlite,postgres}/engine.ts):
 * every public change is one transaction that writes the pledge, its audit entry, and announces
 * itself to the listeners of every process once committed; a change that changes nothing (a status
 * the pledge has, a withdrawn pledge withdrawn again) records and announces nothing.
 *
 * `snapshot().updatedAt` is the time of the last public change: the newest pledge audit entry's
 * time (an add, an import, a correction, a status, a note, a withdrawal, a restoration), or, before
 * the first one, when the ledger was created. The same on both engines.
 */
export function pledgeLedger(engine: Engine): PledgeStore {
	const { db, dialect } = engine;
	const changes = engine.changes('pledges');

	const fromRow = (row: Row<PledgesTable>): PledgeRow => ({ ...row, compacts: dialect.compacts.read(row.compacts) });

	const record = recordChange;

	async function insert(write: Write, input: PledgeInput, at: string): Promise<Pledge> {
		const columns: AllColumns<PledgesTable> = {
			id: randomUUID(),
			...fieldColumns(input, dialect.compacts.write(input.compacts)),
			status: input.status ?? DEFAULT_STATUS,
			created_at: at,
			updated_at: at,
			withdrawn_at: null,
			// Recorded by the organizers: public at once (a government's submission: ./reporting.ts).
			verification: 'published',
			reporter_id: null,
			lang: null,
			verified_at: null,
			return_reason: null,
			last_report_at: null
		};
		const [row] = (await insertPledge(write.db, columns)).rows;
		return toPledge(fromRow(row));
	}

	/** The pledges handed over that match a filter. */
	const matching = (filter: PledgeFilter) => (eb: ExpressionBuilder<Database, 'pledges'>) =>
		eb.and([
			eb('withdrawn_at', 'is', null),
			eb('verification', '=', 'published'),
			...(filter.country ? [eb('country', '=', filter.country)] : []),
			...(filter.compact ? [dialect.compacts.include(filter.compact)] : []),
			...(filter.status ? [eb('status', '=', filter.status)] : []),
			// Freshness is measured from the last report, else from the day the pledge was recorded.
			...(filter.report ? [eb(eb.fn.coalesce('last_report_at', 'created_at'), filter.report.filter === 'recent' ? '>=' : '<', filter.report.since)] : []),
			// Every word of the search; `\` escapes `%`, `_` and itself in the patterns.
			...searchPatterns(filter.q ?? '').map((pattern) => sql<boolean>`${sql.ref('search_text')} LIKE ${pattern} ESCAPE '\\'`)
		]);

	/** Matching rows, newest first (by `seq`, which only grows), after the position `after` if given. */
	function matchingRows(filter: PledgeFilter, limit: number, after?: number) {
		let query = db.selectFrom('pledges').selectAll().where(matching(filter));
		if (after !== undefined) query = query.where('seq', '<', after);
		return query.orderBy('seq', 'desc').limit(limit).execute();
	}

	// Read by every request for a kept page: compiled once.
	const latestAuditSeq = compiledOnce(() => db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')));
	// Read on every update of the live count: compiled once.
	const latestPledges = compiledOnce(() => db.selectFrom('pledges').selectAll().where(matching({})).orderBy('seq', 'desc').limit(clampLimit(LATEST)));
	const countAndUpdatedAt = compiledOnce(() =>
		db.selectNoFrom((eb) => [
			eb.selectFrom('pledges').select(eb.fn.countAll<number>().as('count')).where('withdrawn_at', 'is', null).where('verification', '=', 'published').as('count'),
			eb.fn
				.coalesce(
					eb
						.selectFrom('audit_log')
						.select((audit) => audit.fn.max('at').as('at'))
						// As the partial index audit_log_pledges_at is written, so the newest entry is found from the index's end.
						.where('action', 'not like', sql.lit(QUESTION_ACTIONS))
						.where('action', 'not like', sql.lit(CAPTION_ACTIONS))
						.where('action', 'not in', NOT_PUBLIC_ACTIONS),
					eb.selectFrom('ledger').select('created_at').where('id', '=', 1)
				)
				.as('updatedAt')
		])
	);

	async function list(filter: PledgeFilter = {}): Promise<Pledge[]> {
		return (await matchingRows(filter, clampLimit(filter.limit))).map((row) => toPledge(fromRow(row)));
	}

	/** The public notes of the pledges (hidden ones only with `withHidden`, for the organizers). */
	async function notesOf(ids: readonly string[], withHidden = false): Promise<Map<string, PledgeNote[]>> {
		if (ids.length === 0) return new Map();
		let query = db.selectFrom('pledge_notes').select(NOTE_COLUMNS).where(dialect.isAnyOf('pledge_id', ids));
		if (!withHidden) query = query.where('hidden_at', 'is', null);
		const rows = await query.orderBy('day', 'desc').orderBy('seq', 'desc').execute();
		return groupNotes(rows.map(toNote));
	}

	/** Withdraws or restores: changes `withdrawn_at` only if it is not already so. */
	async function setWithdrawn(id: string, actor: Actor, isWithdrawn: boolean): Promise<boolean> {
		if (!isRecordId(id)) return false;
		return engine.transaction(async (write) => {
			const at = new Date().toISOString();
			const changed = await write.db
				.updateTable('pledges')
				.set({ withdrawn_at: isWithdrawn ? at : null })
				.where('id', '=', id)
				.where('withdrawn_at', isWithdrawn ? 'is' : 'is not', null)
				.returning('title')
				.executeTakeFirst();
			if (changed) await record(write, actor, isWithdrawn ? 'withdraw' : 'restore', id, changed.title, at);
			return Boolean(changed);
		});
	}

	return {
		changes,

		async snapshot() {
			const [{ rows: [{ count, updatedAt }] }, latest] = await Promise.all([countAndUpdatedAt(db, {}), latestPledges(db, {})]);
			return { count: Number(count), updatedAt: updatedAt ?? new Date(0).toISOString(), latest: latest.rows.map((row) => toPledge(fromRow(row))) };
		},

		async version() {
			// The audit log's key: one index lookup. Moderating a question moves it too, which only costs a new render.
			const { rows } = await latestAuditSeq(db, {});
			return Number(rows[0]?.seq ?? 0);
		},

		list,

		async listPage(filter, { limit, after }) {
			const [rows, counts] = await Promise.all([
				matchingRows(filter, clampLimit(limit) + 1, after),
				db
					.selectFrom('pledges')
					.select((eb) => [
						eb.fn.countAll<number>().as('matching'),
						(after === undefined ? sql<number>`0` : eb.fn.count<number>(eb.case().when('seq', '>=', after).then(1).end())).as('before')
					])
					.where(matching(filter))
					.executeTakeFirstOrThrow()
			]);
			const pledges = rows.slice(0, clampLimit(limit));
			return {
				pledges: pledges.map((row) => toPledge(fromRow(row))),
				matching: Number(counts.matching),
				before: Number(counts.before),
				next: rows.length > pledges.length ? pledges.at(-1)!.seq : null
			};
		},

		async entries() {
			// Governments' submissions not published have their own list (reporting.ts `pending`).
			const rows = await db.selectFrom('pledges').selectAll().where('verification', '=', 'published').orderBy('seq', 'desc').execute();
			return rows.map((row) => toEntry(fromRow(row)));
		},

		async get(id) {
			if (!isRecordId(id)) return undefined;
			const row = await db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirst();
			return row && toEntry(fromRow(row));
		},

		add(input, actor) {
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				const pledge = await insert(write, input, at);
				await record(write, actor, 'add', pledge.id, pledge.title, at);
				return pledge;
			});
		},

		addMany(inputs, actor) {
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				const pledges: Pledge[] = [];
				for (const input of inputs) pledges.push(await insert(write, input, at));
				await record(write, actor, 'import', null, String(pledges.length), at);
				return pledges;
			});
		},

		addOnce(input, actor, idempotency) {
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				if (idempotency) {
					const key = { organizer_id: actor.id, key: idempotency.key };
					// Claims the key first: a retry running at the same time on another instance waits here
					// for this transaction, then finds the key taken and replays its answer.
					const claimed = await write.db
						.insertInto('idempotency_keys')
						.values({ ...key, request_hash: idempotency.requestHash, status: 0, body: '', created_at: at })
						.onConflict((conflict) => conflict.doNothing())
						.returning('key')
						.executeTakeFirst();
					if (!claimed) {
						const previous = await write.db
							.selectFrom('idempotency_keys')
							.select(['request_hash', 'status', 'body'])
							.where('organizer_id', '=', key.organizer_id)
							.where('key', '=', key.key)
							.executeTakeFirstOrThrow();
						return previous.request_hash === idempotency.requestHash
							? ({ kind: 'stored', status: previous.status, body: previous.body, replayed: true } as const)
							: ({ kind: 'key-reused' } as const);
					}
				}
				const pledge = await insert(write, input, at);
				await record(write, actor, 'add', pledge.id, pledge.title, at);
				const body = JSON.stringify(pledge);
				if (idempotency) {
					await write.db
						.updateTable('idempotency_keys')
						.set({ status: 201, body })
						.where('organizer_id', '=', actor.id)
						.where('key', '=', idempotency.key)
						.execute();
				}
				return { kind: 'stored', status: 201, body, replayed: false } as const;
			});
		},

		async update(id, input, actor) {
			if (!isRecordId(id)) return undefined;
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				const row = await write.db
					.updateTable('pledges')
					.set({ ...fieldColumns(input, dialect.compacts.write(input.compacts)), updated_at: at })
					.where('id', '=', id)
					.returningAll()
					.executeTakeFirst();
				if (!row) return undefined;
				await record(write, actor, 'update', id, input.title, at);
				return toPledge(fromRow(row));
			});
		},

		async setStatus(id, status, actor) {
			if (!isRecordId(id)) return undefined;
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				// The status it has already is no change: nothing recorded, nothing announced.
				const changed = await write.db
					.updateTable('pledges')
					.set({ status, updated_at: at, last_report_at: at })
					.where('id', '=', id)
					.where('status', '<>', status)
					.returningAll()
					.executeTakeFirst();
				if (changed) {
					await record(write, actor, `status-${status}`, id, changed.title, at);
					return toPledge(fromRow(changed));
				}
				const unchanged = await write.db.selectFrom('pledges').selectAll().where('id', '=', id).executeTakeFirst();
				return unchanged && toPledge(fromRow(unchanged));
			});
		},

		async addNote(id, note, actor) {
			if (!isRecordId(id)) return undefined;
			return engine.transaction(async (write) => {
				const at = new Date().toISOString();
				const pledge = await write.db.updateTable('pledges').set({ updated_at: at, last_report_at: at }).where('id', '=', id).returning('title').executeTakeFirst();
				if (!pledge) return undefined;
				const author = actor.government ? 'government' : 'organizers';
				const stored: PledgeNote = { id: randomUUID(), date: note.date, text: note.text, createdAt: at, author };
				if (note.evidence) stored.evidence = note.evidence;
				if (note.lang) stored.lang = note.lang;
				await write.db
					.insertInto('pledge_notes')
					.values({
						id: stored.id,
						pledge_id: id,
						day: stored.date,
						text: stored.text,
						created_at: at,
						reporter_id: actor.government ? actor.id : null,
						lang: note.lang ?? null,
						evidence_url: note.evidence ?? null
					})
					.execute();
				await record(write, actor, 'note', id, pledge.title, at);
				return stored;
			});
		},

		async notes(id, options) {
			if (!isRecordId(id)) return [];
			return (await notesOf([id], options?.withHidden)).get(id) ?? [];
		},

		notesOf: (ids) => notesOf(ids),

		withdraw: (id, actor) => setWithdrawn(id, actor, true),
		restore: (id, actor) => setWithdrawn(id, actor, false),

		async auditLog(limit = 200) {
			const rows = await db
				.selectFrom('audit_log')
				.select(['at', 'organizer_email as organizerEmail', 'action', 'pledge_id as pledgeId', 'detail', 'government'])
				.orderBy('seq', 'desc')
				.limit(limit)
				.execute();
			return rows.map((row) => toAuditEntry({ ...row, action: row.action as AuditEntry['action'] }));
		},

		async countryCounts() {
			const rows = await db
				.selectFrom('pledges')
				.select((eb) => ['country', eb.fn.countAll<number>().as('count')])
				.where('withdrawn_at', 'is', null)
				.where('verification', '=', 'published')
				.groupBy('country')
				.orderBy('country')
				.execute();
			return rows.map(({ country, count }) => ({ country, count: Number(count) }));
		}
	};
}
