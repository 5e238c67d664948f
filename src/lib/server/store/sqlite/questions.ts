import type { DatabaseSync } from 'node:sqlite';
import { createChanges } from '../../pledges/changes.ts';
import type { QuestionEngine, QuestionRecords } from '../../questions/records.ts';
import { QUESTION_COLUMNS as COLUMNS, toQuestion, type QuestionRow } from '../../questions/rows.ts';
import { questionStore } from '../../questions/store.ts';
import type { QuestionStore } from '../../questions/types.ts';
import { createGroupCommit } from './group-commit.ts';

const placeholders = (list: readonly unknown[]) => list.map(() => '?').join(', ');
const HASH_COLUMNS = { browser: 'browser_hash', address: 'address_hash' } as const;

/** The questions' rows in the SQLite file. */
function sqliteQuestionRecords(db: DatabaseSync): QuestionRecords {
	const select = (where: string, ...params: (string | number)[]) =>
		(db.prepare(`SELECT ${COLUMNS} FROM questions ${where}`).all(...params) as unknown as QuestionRow[]).map(toQuestion);
	const run = (sql: string, ...params: (string | number | null)[]) => Number(db.prepare(sql).run(...params).changes);
	return {
		async withStatus(statuses) {
			return select(`WHERE status IN (${placeholders(statuses)}) ORDER BY seq`, ...statuses);
		},
		async byId(id) {
			return select('WHERE id = ?', id)[0];
		},
		async hasText(text) {
			return db.prepare('SELECT 1 FROM questions WHERE text = ?').get(text) !== undefined;
		},
		async insert(question) {
			const at = question.at.toISOString();
			const inserted = run(
				`INSERT INTO questions (id, text, name, affiliation, lang, browser_hash, address_hash, created_at, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (text) DO NOTHING`,
				question.id, question.text, question.name ?? null, question.affiliation ?? null, question.lang, question.browser, question.address, at, at
			);
			return inserted > 0 ? select('WHERE id = ?', question.id)[0] : undefined;
		},
		async update(id, { status, onScreen }, at) {
			run('UPDATE questions SET status = ?, on_screen = ?, updated_at = ? WHERE id = ?', status, onScreen ? 1 : 0, at.toISOString(), id);
		},
		async takeOffScreen(at) {
			run('UPDATE questions SET on_screen = 0, updated_at = ? WHERE on_screen = 1', at.toISOString());
		},
		async deleteAskedBefore(before) {
			return run('DELETE FROM questions WHERE created_at < ?', before.toISOString());
		},
		async pendingCount(by, hashes) {
			const sql = `SELECT COUNT(*) AS n FROM questions WHERE status = 'pending' AND ${HASH_COLUMNS[by]} IN (${placeholders(hashes)})`;
			return (db.prepare(sql).get(...hashes) as { n: number }).n;
		},
		async askedAfter(by, hashes, since, max) {
			const sql = `SELECT created_at AS at FROM questions WHERE ${HASH_COLUMNS[by]} IN (${placeholders(hashes)}) AND created_at > ? ORDER BY created_at DESC LIMIT ?`;
			return (db.prepare(sql).all(...hashes, since.toISOString(), max) as { at: string }[]).map((row) => new Date(row.at));
		},
		async addVote(questionId, voter, at) {
			return run('INSERT OR IGNORE INTO question_votes (question_id, voter_hash, created_at) VALUES (?, ?, ?)', questionId, voter, at.toISOString()) > 0;
		},
		async removeVote(questionId, voter) {
			return run('DELETE FROM question_votes WHERE question_id = ? AND voter_hash = ?', questionId, voter) > 0;
		},
		async addToVotes(questionId, delta) {
			return (db.prepare('UPDATE questions SET votes = votes + ? WHERE id = ? RETURNING votes').get(delta, questionId) as { votes: number }).votes;
		},
		async votedFor(voter, statuses) {
			const sql = `SELECT v.question_id AS id FROM question_votes v JOIN questions q ON q.id = v.question_id WHERE v.voter_hash = ? AND q.status IN (${placeholders(statuses)})`;
			return (db.prepare(sql).all(voter, ...statuses) as { id: string }[]).map((row) => row.id);
		},
		async isOpen() {
			return (db.prepare('SELECT is_open FROM question_session WHERE id = 1').get() as { is_open: number } | undefined)?.is_open === 1;
		},
		async setOpen(isOpen, at) {
			const flag = isOpen ? 1 : 0;
			return run('UPDATE question_session SET is_open = ?, updated_at = ? WHERE id = 1 AND is_open <> ?', flag, at.toISOString(), flag) > 0;
		},
		async audit({ at, actor, action, questionId, detail }) {
			run('INSERT INTO audit_log (at, organizer_email, action, question_id, detail) VALUES (?, ?, ?, ?, ?)', at.toISOString(), actor.email, action, questionId, detail);
		},
		async addressKeys(periods) {
			const sql = `SELECT period, secret FROM question_keys WHERE period IN (${placeholders(periods)}) ORDER BY period DESC`;
			return db.prepare(sql).all(...periods) as { period: number; secret: string }[];
		},
		async addAddressKey(period, secret) {
			run('INSERT OR IGNORE INTO question_keys (period, secret) VALUES (?, ?)', period, secret);
		},
		async deleteAddressKeysBefore(period) {
			run('DELETE FROM question_keys WHERE period < ?', period);
		}
	};
}

/**
 * The questions on SQLite: writes grouped into shared commits, each settling once on disk; the
 * listeners hear of a commit that changed something. SQLite has one writer at a time, so no lock is needed.
 */
export function sqliteQuestionEngine(db: DatabaseSync): QuestionEngine {
	const changes = createChanges();
	let hasNews = false;
	const groupedWrite = createGroupCommit(db, () => {
		if (!hasNews) return;
		hasNews = false;
		changes.notify();
	});
	const records = sqliteQuestionRecords(db);
	return {
		records,
		changes,
		write: (work, { isChange }) =>
			groupedWrite(async () => {
				const result = await work(records);
				if (isChange(result)) hasNews = true;
				return result;
			})
	};
}

export const sqliteQuestions = (db: DatabaseSync): QuestionStore => questionStore(sqliteQuestionEngine(db));
