import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { clampLimit, groupNotes, LATEST, toAuditEntry, toEntry, toPledge, type AuditRow, type PledgeRow } from '../../pledges/entries.ts';
import type { Actor, AuditEntry, Compact, CountryCount, Pledge, PledgeFilter, PledgeInput, PledgeNote, PledgeStatus, PledgeStore } from '../../pledges/types.ts';
import { pledgeSearchText, searchPatterns } from '../../../pledges/search.ts';
import { DEFAULT_STATUS } from '../../../pledges/status.ts';
import { inTransaction } from './database.ts';
import type { Engine } from '../engine.ts';

interface SqlitePledgeRow {
	seq: number;
	id: string;
	government: string;
	country: string;
	title: string;
	description: string | null;
	compacts: string;
	url: string | null;
	status: PledgeStatus;
	created_at: string;
	updated_at: string;
	withdrawn_at: string | null;
}

const fromSqlite = (row: SqlitePledgeRow): PledgeRow => ({
	id: row.id,
	government: row.government,
	country: row.country,
	title: row.title,
	description: row.description,
	compacts: JSON.parse(row.compacts) as Compact[],
	url: row.url,
	status: row.status,
	createdAt: row.created_at,
	updatedAt: row.updated_at,
	withdrawnAt: row.withdrawn_at
});

/** The pledges handed over that match a filter (its parameters: `matchParameters`). */
const MATCHES = `withdrawn_at IS NULL
	AND (:country IS NULL OR country = :country)
	AND (:compact IS NULL OR EXISTS (SELECT 1 FROM json_each(compacts) WHERE value = :compact))
	AND (:status IS NULL OR status = :status)
	AND NOT EXISTS (SELECT 1 FROM json_each(:patterns) WHERE search_text NOT LIKE value ESCAPE '\\')`;

const matchParameters = (filter: PledgeFilter) => ({
	country: filter.country ?? null,
	compact: filter.compact ?? null,
	status: filter.status ?? null,
	patterns: JSON.stringify(searchPatterns(filter.q ?? ''))
});

/**
 * The pledge ledger on SQLite: every write is one IMMEDIATE transaction, told to listeners after
 * commit. Other processes on the same file (a second instance, the organizers command) are noticed
 * through `PRAGMA data_version`, checked while someone listens.
 */
export function sqliteLedger(db: DatabaseSync, engine: Engine): PledgeStore {
	const changes = engine.changes('pledges');
	const groupedWrite = <T>(work: () => T) =>
		engine.transaction(async (write) => {
			const result = work();
			write.announce('pledges');
			return result;
		});

	function audit(actor: Actor, action: AuditEntry['action'], pledgeId: string | null, detail: string | null, at: string): void {
		db.prepare('INSERT INTO audit_log (at, organizer_email, action, pledge_id, detail) VALUES (?, ?, ?, ?, ?)').run(at, actor.email, action, pledgeId, detail);
	}

	function row(id: string): PledgeRow | undefined {
		const found = db.prepare('SELECT * FROM pledges WHERE id = ?').get(id) as SqlitePledgeRow | undefined;
		return found && fromSqlite(found);
	}

	function insert(input: PledgeInput, at: string): Pledge {
		const id = randomUUID();
		db.prepare(
			`INSERT INTO pledges (id, government, country, title, description, compacts, url, status, created_at, updated_at, search_text)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
		).run(id, input.government, input.country, input.title, input.description ?? null, JSON.stringify(input.compacts), input.url ?? null, input.status ?? DEFAULT_STATUS, at, at, pledgeSearchText(input));
		return toPledge(row(id)!);
	}

	function titleOf(id: string): string | null {
		return (db.prepare('SELECT title FROM pledges WHERE id = ?').get(id) as { title: string } | undefined)?.title ?? null;
	}

	/** A write, then the news of it once it is on disk. */
	async function write<T>(work: () => T): Promise<T> {
		const result = inTransaction(db, work);
		changes.notify();
		return result;
	}

	/** Matching rows, newest first (by `seq`, which only grows), after the position `after` if given. */
	function matchingRows(filter: PledgeFilter, limit: number, after?: number): SqlitePledgeRow[] {
		return db
			.prepare(`SELECT * FROM pledges WHERE ${MATCHES} AND (:after IS NULL OR seq < :after) ORDER BY seq DESC LIMIT :limit`)
			.all({ ...matchParameters(filter), after: after ?? null, limit }) as unknown as SqlitePledgeRow[];
	}

	function list(filter: PledgeFilter = {}): Pledge[] {
		return matchingRows(filter, clampLimit(filter.limit)).map((found) => toPledge(fromSqlite(found)));
	}

	function notesOf(ids: string[]): Map<string, PledgeNote[]> {
		if (ids.length === 0) return new Map();
		const rows = db
			.prepare(
				`SELECT pledge_id AS pledgeId, id, day AS date, text, created_at AS createdAt FROM pledge_notes
				 WHERE pledge_id IN (SELECT value FROM json_each(?)) ORDER BY day DESC, seq DESC`
			)
			.all(JSON.stringify(ids)) as unknown as (PledgeNote & { pledgeId: string })[];
		return groupNotes(rows);
	}

	return {
		changes,

		async snapshot() {
			const { count } = db.prepare('SELECT COUNT(*) AS count FROM pledges WHERE withdrawn_at IS NULL').get() as { count: number };
			const ledger = db
				.prepare("SELECT COALESCE((SELECT MAX(at) FROM audit_log WHERE action NOT LIKE 'question%'), (SELECT created_at FROM ledger WHERE id = 1)) AS updated_at")
				.get() as { updated_at: string | null };
			return { count, updatedAt: ledger.updated_at ?? new Date(0).toISOString(), latest: list({ limit: LATEST }) };
		},

		async list(filter) {
			return list(filter);
		},

		async listPage(filter, { limit, after }) {
			const rows = matchingRows(filter, clampLimit(limit) + 1, after);
			const pledges = rows.slice(0, clampLimit(limit));
			const counts = db
				.prepare(`SELECT COUNT(*) AS matching, COUNT(CASE WHEN seq >= :after THEN 1 END) AS before FROM pledges WHERE ${MATCHES}`)
				.get({ ...matchParameters(filter), after: after ?? null }) as { matching: number; before: number };
			return {
				pledges: pledges.map((found) => toPledge(fromSqlite(found))),
				matching: counts.matching,
				before: counts.before,
				next: rows.length > pledges.length ? pledges.at(-1)!.seq : null
			};
		},

		async entries() {
			return (db.prepare('SELECT * FROM pledges ORDER BY seq DESC').all() as unknown as SqlitePledgeRow[]).map((found) => toEntry(fromSqlite(found)));
		},

		async get(id) {
			const found = row(id);
			return found && toEntry(found);
		},

		add(input, actor) {
			return write(() => {
				const at = new Date().toISOString();
				const pledge = insert(input, at);
				audit(actor, 'add', pledge.id, pledge.title, at);
				return pledge;
			});
		},

		addMany(inputs, actor) {
			return write(() => {
				const at = new Date().toISOString();
				const pledges = inputs.map((input) => insert(input, at));
				audit(actor, 'import', null, String(pledges.length), at);
				return pledges;
			});
		},

		addOnce(input, actor, idempotency) {
			return groupedWrite(() => {
				if (idempotency) {
					const previous = db
						.prepare('SELECT request_hash, status, body FROM idempotency_keys WHERE organizer_id = ? AND key = ?')
						.get(actor.id, idempotency.key) as { request_hash: string; status: number; body: string } | undefined;
					if (previous) {
						return previous.request_hash === idempotency.requestHash
							? ({ kind: 'stored', status: previous.status, body: previous.body, replayed: true } as const)
							: ({ kind: 'key-reused' } as const);
					}
				}
				const at = new Date().toISOString();
				const pledge = insert(input, at);
				audit(actor, 'add', pledge.id, pledge.title, at);
				const body = JSON.stringify(pledge);
				if (idempotency) {
					db.prepare('INSERT INTO idempotency_keys (organizer_id, key, request_hash, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
						actor.id,
						idempotency.key,
						idempotency.requestHash,
						201,
						body,
						at
					);
				}
				return { kind: 'stored', status: 201, body, replayed: false } as const;
			});
		},

		async update(id, input, actor) {
			if (!row(id)) return undefined;
			return write(() => {
				const at = new Date().toISOString();
				const changed = db
					.prepare('UPDATE pledges SET government = ?, country = ?, title = ?, description = ?, compacts = ?, url = ?, updated_at = ?, search_text = ? WHERE id = ?')
					.run(input.government, input.country, input.title, input.description ?? null, JSON.stringify(input.compacts), input.url ?? null, at, pledgeSearchText(input), id);
				if (changed.changes === 0) return undefined;
				audit(actor, 'update', id, input.title, at);
				return toPledge(row(id)!);
			});
		},

		async setStatus(id, status, actor) {
			const current = row(id);
			if (!current) return undefined;
			if (current.status === status) return toPledge(current);
			return write(() => {
				const at = new Date().toISOString();
				const changed = db.prepare('UPDATE pledges SET status = ?, updated_at = ? WHERE id = ? AND status <> ?').run(status, at, id, status).changes > 0;
				if (changed) audit(actor, `status-${status}`, id, titleOf(id), at);
				return toPledge(row(id)!);
			});
		},

		async addNote(id, note, actor) {
			if (!row(id)) return undefined;
			return write(() => {
				const at = new Date().toISOString();
				const noteId = randomUUID();
				db.prepare('INSERT INTO pledge_notes (id, pledge_id, day, text, created_at) VALUES (?, ?, ?, ?, ?)').run(noteId, id, note.date, note.text, at);
				db.prepare('UPDATE pledges SET updated_at = ? WHERE id = ?').run(at, id);
				audit(actor, 'note', id, titleOf(id), at);
				return { id: noteId, date: note.date, text: note.text, createdAt: at } satisfies PledgeNote;
			});
		},

		async notes(id) {
			return notesOf([id]).get(id) ?? [];
		},

		async notesOf(ids) {
			return notesOf(ids);
		},

		withdraw(id, actor) {
			return write(() => {
				const at = new Date().toISOString();
				const changed = db.prepare('UPDATE pledges SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL').run(at, id).changes > 0;
				if (changed) audit(actor, 'withdraw', id, titleOf(id), at);
				return changed;
			});
		},

		restore(id, actor) {
			return write(() => {
				const at = new Date().toISOString();
				const changed = db.prepare('UPDATE pledges SET withdrawn_at = NULL WHERE id = ? AND withdrawn_at IS NOT NULL').run(id).changes > 0;
				if (changed) audit(actor, 'restore', id, titleOf(id), at);
				return changed;
			});
		},

		async auditLog(limit = 200) {
			const rows = db
				.prepare('SELECT at, organizer_email AS organizerEmail, action, pledge_id AS pledgeId, detail FROM audit_log ORDER BY seq DESC LIMIT ?')
				.all(limit) as unknown as AuditRow[];
			return rows.map(toAuditEntry);
		},

		async countryCounts() {
			return db.prepare('SELECT country, COUNT(*) AS count FROM pledges WHERE withdrawn_at IS NULL GROUP BY country ORDER BY country').all() as unknown as CountryCount[];
		}
	};
}
