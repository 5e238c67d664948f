import { createHash, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createChanges } from '../../pledges/changes.ts';
import type { QuestionEngine, QuestionRecords } from '../../questions/records.ts';
import { QUESTION_COLUMNS as COLUMNS, toQuestion, type QuestionRow } from '../../questions/rows.ts';
import { questionStore } from '../../questions/store.ts';
import type { QuestionStore } from '../../questions/types.ts';
import { inTransaction, poolQuery, type Query } from './database.ts';
import { listenForChanges, QUESTION_CHANGES_CHANNEL } from './listener.ts';

const HASH_COLUMNS = { browser: 'browser_hash', address: 'address_hash' } as const;

/** A transaction-level advisory lock's key (a signed 64-bit number) for a lock's name. */
function lockKey(name: string): bigint {
	return createHash('sha256').update(`questions:${name}`).digest().readBigInt64BE(0);
}

/** The questions' rows in PostgreSQL, through one connection (a transaction's) or the pool. */
function postgresQuestionRecords(q: Query): QuestionRecords {
	const select = async (where: string, values: unknown[]) => (await q<QuestionRow>(`SELECT ${COLUMNS} FROM questions ${where}`, values)).map(toQuestion);
	const count = async (sql: string, values: unknown[]) => (await q(sql, values)).length;
	return {
		withStatus: (statuses) => select('WHERE status = ANY ($1) ORDER BY seq', [statuses]),
		byId: async (id) => (await select('WHERE id = $1', [id]))[0],
		hasText: async (text) => (await count('SELECT 1 FROM questions WHERE text = $1', [text])) > 0,
		async insert(question) {
			const [row] = await q<QuestionRow>(
				`INSERT INTO questions (id, text, name, affiliation, lang, browser_hash, address_hash, created_at, updated_at)
				 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (text) DO NOTHING RETURNING ${COLUMNS}`,
				[question.id, question.text, question.name ?? null, question.affiliation ?? null, question.lang, question.browser, question.address, question.at]
			);
			return row && toQuestion(row);
		},
		async update(id, { status, onScreen }, at) {
			await q('UPDATE questions SET status = $1, on_screen = $2, updated_at = $3 WHERE id = $4', [status, onScreen, at, id]);
		},
		async takeOffScreen(at) {
			await q('UPDATE questions SET on_screen = false, updated_at = $1 WHERE on_screen', [at]);
		},
		deleteAskedBefore: (before) => count('DELETE FROM questions WHERE created_at < $1 RETURNING 1', [before]),
		async pendingCount(by, hashes) {
			const [{ n }] = await q<{ n: number }>(`SELECT COUNT(*)::integer AS n FROM questions WHERE status = 'pending' AND ${HASH_COLUMNS[by]} = ANY ($1)`, [hashes]);
			return n;
		},
		async askedAfter(by, hashes, since, max) {
			const sql = `SELECT created_at AS at FROM questions WHERE ${HASH_COLUMNS[by]} = ANY ($1) AND created_at > $2 ORDER BY created_at DESC LIMIT $3`;
			return (await q<{ at: Date }>(sql, [hashes, since, max])).map((row) => row.at);
		},
		addVote: async (questionId, voter, at) =>
			(await count('INSERT INTO question_votes (question_id, voter_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1', [questionId, voter, at])) > 0,
		removeVote: async (questionId, voter) => (await count('DELETE FROM question_votes WHERE question_id = $1 AND voter_hash = $2 RETURNING 1', [questionId, voter])) > 0,
		async addToVotes(questionId, delta) {
			const [{ votes }] = await q<{ votes: number }>('UPDATE questions SET votes = votes + $2 WHERE id = $1 RETURNING votes', [questionId, delta]);
			return votes;
		},
		async votedFor(voter, statuses) {
			const sql = 'SELECT v.question_id AS id FROM question_votes v JOIN questions q ON q.id = v.question_id WHERE v.voter_hash = $1 AND q.status = ANY ($2)';
			return (await q<{ id: string }>(sql, [voter, statuses])).map((row) => row.id);
		},
		async isOpen() {
			const [row] = await q<{ is_open: boolean }>('SELECT is_open FROM question_session WHERE id = 1');
			return row?.is_open === true;
		},
		setOpen: async (isOpen, at) => (await count('UPDATE question_session SET is_open = $1, updated_at = $2 WHERE id = 1 AND is_open <> $1 RETURNING id', [isOpen, at])) > 0,
		async audit({ at, actor, action, questionId, detail }) {
			await q('INSERT INTO audit_log (at, organizer_email, action, question_id, detail) VALUES ($1, $2, $3, $4, $5)', [at, actor.email, action, questionId, detail]);
		},
		async addressKeys(periods) {
			const rows = await q<{ period: string; secret: string }>('SELECT period, secret FROM question_keys WHERE period = ANY ($1) ORDER BY period DESC', [periods]);
			return rows.map((row) => ({ period: Number(row.period), secret: row.secret }));
		},
		async addAddressKey(period, secret) {
			await q('INSERT INTO question_keys (period, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING', [period, secret]);
		},
		async deleteAddressKeysBefore(period) {
			await q('DELETE FROM question_keys WHERE period < $1', [period]);
		}
	};
}

/**
 * The questions on PostgreSQL, shared by every instance. Each write is one transaction that first
 * takes its locks (advisory, transaction-level, in key order so two writes never deadlock) and
 * NOTIFYs `question_changes` with this instance's id (delivered on commit): this instance tells its
 * listeners itself once committed, the others hear it through LISTEN.
 */
export function postgresQuestionEngine(pool: pg.Pool, url: string): QuestionEngine {
	const instance = randomUUID();
	const changes = createChanges(() => {
		// The first connection needs no re-read (the listeners read when they subscribe); a reconnection
		// may have missed notifications, so it counts as a change. Our own notifications were told already.
		let hasConnected = false;
		return listenForChanges(
			url,
			(payload) => {
				if (payload === undefined) {
					if (hasConnected) changes.notify();
					hasConnected = true;
				} else if (payload !== instance) changes.notify();
			},
			QUESTION_CHANGES_CHANNEL
		);
	});
	return {
		records: postgresQuestionRecords(poolQuery(pool)),
		changes,
		async write(work, { locks = [], isChange }) {
			const result = await inTransaction(pool, async (q) => {
				const keys = [...new Set(locks.map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
				for (const key of keys) await q('SELECT pg_advisory_xact_lock($1::bigint)', [key.toString()]);
				const value = await work(postgresQuestionRecords(q));
				if (isChange(value)) await q('SELECT pg_notify($1, $2)', [QUESTION_CHANGES_CHANNEL, instance]);
				return value;
			});
			if (isChange(result)) changes.notify();
			return result;
		}
	};
}

export const postgresQuestions = (pool: pg.Pool, url: string): QuestionStore => questionStore(postgresQuestionEngine(pool, url));
