import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { inTransaction } from '../store/database.ts';
import { createGroupCommit } from '../store/group-commit.ts';
import { createChanges } from './changes.ts';
import type { Actor, AuditEntry, Compact, LedgerEntry, Pledge, PledgeInput, PledgeStore } from './types.ts';

interface PledgeRow {
	id: string;
	government: string;
	country: string;
	title: string;
	description: string | null;
	compacts: string;
	url: string | null;
	created_at: string;
	updated_at: string;
	withdrawn_at: string | null;
}

function toEntry(row: PledgeRow): LedgerEntry {
	const entry: LedgerEntry = {
		id: row.id,
		government: row.government,
		country: row.country,
		title: row.title,
		compacts: JSON.parse(row.compacts) as Compact[],
		createdAt: row.created_at,
		updatedAt: row.updated_at
	};
	if (row.description) entry.description = row.description;
	if (row.url) entry.url = row.url;
	if (row.withdrawn_at) entry.withdrawnAt = row.withdrawn_at;
	return entry;
}

function toPledge(row: PledgeRow): Pledge {
	const { withdrawnAt: _withdrawn, ...pledge } = toEntry(row);
	return pledge;
}

const LATEST = 5;
const MAX_LIMIT = 1000;

/** The pledge ledger on SQLite: every write is one IMMEDIATE transaction, told to listeners after commit. */
export function sqliteLedger(db: DatabaseSync): PledgeStore {
	const changes = createChanges();
	const groupedWrite = createGroupCommit(db, () => changes.notify());

	function touch(at: string): void {
		db.prepare('INSERT INTO ledger (id, updated_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at').run(at);
	}

	function audit(actor: Actor, action: AuditEntry['action'], pledgeId: string | null, detail: string | null, at: string): void {
		db.prepare('INSERT INTO audit_log (at, organizer_email, action, pledge_id, detail) VALUES (?, ?, ?, ?, ?)').run(at, actor.email, action, pledgeId, detail);
	}

	function insert(input: PledgeInput, at: string): Pledge {
		const id = randomUUID();
		db.prepare(
			`INSERT INTO pledges (id, government, country, title, description, compacts, url, created_at, updated_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
		).run(id, input.government, input.country, input.title, input.description ?? null, JSON.stringify(input.compacts), input.url ?? null, at, at);
		return toPledge(db.prepare('SELECT * FROM pledges WHERE id = ?').get(id) as unknown as PledgeRow);
	}

	function titleOf(id: string): string | null {
		return (db.prepare('SELECT title FROM pledges WHERE id = ?').get(id) as { title: string } | undefined)?.title ?? null;
	}

	/** A write, then the news of it once it is on disk. */
	function write<T>(work: () => T): T {
		const result = inTransaction(db, work);
		changes.notify();
		return result;
	}

	const store: PledgeStore = {
		changes,

		snapshot() {
			const { count } = db.prepare('SELECT COUNT(*) AS count FROM pledges WHERE withdrawn_at IS NULL').get() as { count: number };
			const ledger = db.prepare('SELECT updated_at FROM ledger WHERE id = 1').get() as { updated_at: string } | undefined;
			return { count, updatedAt: ledger?.updated_at ?? new Date(0).toISOString(), latest: store.list({ limit: LATEST }) };
		},

		list(filter = {}) {
			const limit = Math.min(Math.max(1, Math.floor(filter.limit ?? MAX_LIMIT)), MAX_LIMIT);
			const rows = db
				.prepare(
					`SELECT * FROM pledges WHERE withdrawn_at IS NULL
					 AND (:country IS NULL OR country = :country)
					 AND (:compact IS NULL OR EXISTS (SELECT 1 FROM json_each(compacts) WHERE value = :compact))
					 ORDER BY seq DESC LIMIT :limit`
				)
				.all({ country: filter.country ?? null, compact: filter.compact ?? null, limit }) as unknown as PledgeRow[];
			return rows.map(toPledge);
		},

		entries() {
			return (db.prepare('SELECT * FROM pledges ORDER BY seq DESC').all() as unknown as PledgeRow[]).map(toEntry);
		},

		get(id) {
			const row = db.prepare('SELECT * FROM pledges WHERE id = ?').get(id) as PledgeRow | undefined;
			return row && toEntry(row);
		},

		add(input, actor) {
			return write(() => {
				const at = new Date().toISOString();
				const pledge = insert(input, at);
				audit(actor, 'add', pledge.id, pledge.title, at);
				touch(at);
				return pledge;
			});
		},

		addMany(inputs, actor) {
			return write(() => {
				const at = new Date().toISOString();
				const pledges = inputs.map((input) => insert(input, at));
				audit(actor, 'import', null, String(pledges.length), at);
				touch(at);
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
				touch(at);
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

		update(id, input, actor) {
			const existing = store.get(id);
			if (!existing) return undefined;
			return write(() => {
				const at = new Date().toISOString();
				const changed = db
					.prepare('UPDATE pledges SET government = ?, country = ?, title = ?, description = ?, compacts = ?, url = ?, updated_at = ? WHERE id = ?')
					.run(input.government, input.country, input.title, input.description ?? null, JSON.stringify(input.compacts), input.url ?? null, at, id);
				if (changed.changes === 0) return undefined;
				audit(actor, 'update', id, input.title, at);
				touch(at);
				return toPledge(db.prepare('SELECT * FROM pledges WHERE id = ?').get(id) as unknown as PledgeRow);
			});
		},

		withdraw(id, actor) {
			return write(() => {
				const at = new Date().toISOString();
				const changed = db.prepare('UPDATE pledges SET withdrawn_at = ? WHERE id = ? AND withdrawn_at IS NULL').run(at, id).changes > 0;
				if (changed) {
					audit(actor, 'withdraw', id, titleOf(id), at);
					touch(at);
				}
				return changed;
			});
		},

		restore(id, actor) {
			return write(() => {
				const at = new Date().toISOString();
				const changed = db.prepare('UPDATE pledges SET withdrawn_at = NULL WHERE id = ? AND withdrawn_at IS NOT NULL').run(id).changes > 0;
				if (changed) {
					audit(actor, 'restore', id, titleOf(id), at);
					touch(at);
				}
				return changed;
			});
		},

		auditLog(limit = 200) {
			const rows = db.prepare('SELECT at, organizer_email, action, pledge_id, detail FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit) as unknown as {
				at: string;
				organizer_email: string;
				action: AuditEntry['action'];
				pledge_id: string | null;
				detail: string | null;
			}[];
			return rows.map((row) => ({
				at: row.at,
				organizerEmail: row.organizer_email,
				action: row.action,
				...(row.pledge_id ? { pledgeId: row.pledge_id } : {}),
				...(row.detail ? { detail: row.detail } : {})
			}));
		},

		countries() {
			const rows = db.prepare('SELECT DISTINCT country FROM pledges WHERE withdrawn_at IS NULL ORDER BY country').all() as { country: string }[];
			return rows.map((row) => row.country);
		}
	};
	return store;
}
