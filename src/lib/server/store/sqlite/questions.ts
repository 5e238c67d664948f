import { randomBytes, randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { isPublicStatus } from '../../../questions/types.ts';
import type { Actor } from '../../pledges/types.ts';
import { HOUR_MS, PENDING_RETRY_SECONDS, QUESTION_COLUMNS as COLUMNS, toPublic, toQuestion, type QuestionRow } from '../../questions/rows.ts';
import { ADDRESS_KEY_PERIOD_MS, type QuestionLimits, type QuestionStore, type Writer } from '../../questions/types.ts';
import { sqliteEngine } from './engine.ts';
import type { Engine } from '../engine.ts';

const placeholders = (list: readonly unknown[]) => list.map(() => '?').join(', ');
const secondsUntil = (startIso: string, windowMs: number, now: Date) => Math.max(1, Math.ceil((Date.parse(startIso) + windowMs - now.getTime()) / 1000));

/** The questions store on SQLite: writes grouped into shared commits, each settling once on disk. */
export function sqliteQuestions(db: DatabaseSync, engine: Engine = sqliteEngine(db)): QuestionStore {
	const changes = engine.changes('questions');
	const groupedWrite = <T>(work: () => T) =>
		engine.transaction(async (write) => {
			const result = work();
			write.announce('questions');
			return result;
		});

	const select = (where: string, ...params: (string | number)[]) =>
		(db.prepare(`SELECT ${COLUMNS} FROM questions ${where}`).all(...params) as unknown as QuestionRow[]).map(toQuestion);
	const one = (id: string) => select('WHERE id = ?', id)[0];

	function audit(actor: Actor, action: string, questionId: string | null, detail: string | null, at: string): void {
		db.prepare('INSERT INTO audit_log (at, organizer_email, action, question_id, detail) VALUES (?, ?, ?, ?, ?)').run(at, actor.email, action, questionId, detail);
	}

	/** The oldest of the rows that count towards a limit, when there are `max` or more: the window reopens after it. */
	function overLimit(column: 'browser_hash' | 'address_hash', values: readonly string[], since: string, max: number): string | undefined {
		const rows = db
			.prepare(`SELECT created_at AS at FROM questions WHERE ${column} IN (${placeholders(values)}) AND created_at > ? ORDER BY created_at DESC LIMIT ?`)
			.all(...values, since, max) as { at: string }[];
		return rows.length >= max ? rows[rows.length - 1].at : undefined;
	}

	function isOpenNow(): boolean {
		return (db.prepare('SELECT is_open FROM question_session WHERE id = 1').get() as { is_open: number } | undefined)?.is_open === 1;
	}

	function pendingOver(writer: Writer, limits: QuestionLimits): boolean {
		const count = (column: string, values: readonly string[]) =>
			(db.prepare(`SELECT COUNT(*) AS n FROM questions WHERE status = 'pending' AND ${column} IN (${placeholders(values)})`).get(...values) as { n: number }).n;
		return count('browser_hash', [writer.browser]) >= limits.pendingPerBrowser || count('address_hash', writer.addresses) >= limits.pendingPerAddress;
	}

	const store: QuestionStore = {
		changes,

		async publicState() {
			const questions = select("WHERE status IN ('approved', 'answered') ORDER BY votes DESC, seq").map(toPublic);
			return { open: isOpenNow(), questions };
		},

		async list(status) {
			return select(status === 'pending' ? 'WHERE status = ? ORDER BY seq' : 'WHERE status = ? ORDER BY votes DESC, seq', status);
		},

		async get(id) {
			return one(id);
		},

		async isOpen() {
			return isOpenNow();
		},

		setOpen(isOpen, actor, now = new Date()) {
			return groupedWrite(() => {
				const at = now.toISOString();
				const changed = db.prepare('UPDATE question_session SET is_open = ?, updated_at = ? WHERE id = 1 AND is_open <> ?').run(isOpen ? 1 : 0, at, isOpen ? 1 : 0).changes > 0;
				if (changed) audit(actor, isOpen ? 'questions-open' : 'questions-close', null, null, at);
			});
		},

		ask(input, writer, limits, now = new Date()) {
			return groupedWrite(() => {
				if (!isOpenNow()) return { kind: 'closed' } as const;
				if (db.prepare('SELECT 1 FROM questions WHERE text = ?').get(input.text)) return { kind: 'duplicate' } as const;
				if (pendingOver(writer, limits)) return { kind: 'limited', retryAfterSeconds: PENDING_RETRY_SECONDS } as const;
				const hourAgo = new Date(now.getTime() - HOUR_MS).toISOString();
				const oldest =
					overLimit('browser_hash', [writer.browser], hourAgo, limits.askedPerHourPerBrowser) ??
					overLimit('address_hash', writer.addresses, hourAgo, limits.askedPerHourPerAddress);
				if (oldest) return { kind: 'limited', retryAfterSeconds: secondsUntil(oldest, HOUR_MS, now) } as const;
				const at = now.toISOString();
				const id = randomUUID();
				db.prepare(
					`INSERT INTO questions (id, text, name, affiliation, lang, browser_hash, address_hash, created_at, updated_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
				).run(id, input.text, input.name ?? null, input.affiliation ?? null, input.lang, writer.browser, writer.addresses[0], at, at);
				return { kind: 'accepted', question: one(id) } as const;
			});
		},

		vote(id, writer, hasVoted, now = new Date()) {
			return groupedWrite(() => {
				const question = one(id);
				if (!question || !isPublicStatus(question.status)) return { kind: 'not-found' } as const;
				const at = now.toISOString();
				const changed = hasVoted
					? db.prepare('INSERT OR IGNORE INTO question_votes (question_id, voter_hash, created_at) VALUES (?, ?, ?)').run(id, writer.browser, at).changes
					: db.prepare('DELETE FROM question_votes WHERE question_id = ? AND voter_hash = ?').run(id, writer.browser).changes;
				if (changed > 0) db.prepare('UPDATE questions SET votes = votes + ? WHERE id = ?').run(hasVoted ? 1 : -1, id);
				return { kind: 'counted', votes: one(id).votes, hasVoted } as const;
			});
		},

		async votesOf(browser) {
			const rows = db
				.prepare("SELECT v.question_id AS id FROM question_votes v JOIN questions q ON q.id = v.question_id WHERE v.voter_hash = ? AND q.status IN ('approved', 'answered')")
				.all(browser) as { id: string }[];
			return rows.map((row) => row.id);
		},

		moderate(id, change, actor, now = new Date()) {
			return groupedWrite(() => {
				const question = one(id);
				if (!question) return { kind: 'not-found' } as const;
				const status = change.status ?? question.status;
				const onScreen = status === 'rejected' ? false : (change.onScreen ?? question.onScreen);
				if (onScreen && !isPublicStatus(status)) return { kind: 'not-public' } as const;
				const at = now.toISOString();
				if (onScreen && !question.onScreen) db.prepare('UPDATE questions SET on_screen = 0, updated_at = ? WHERE on_screen = 1').run(at);
				db.prepare('UPDATE questions SET status = ?, on_screen = ?, updated_at = ? WHERE id = ?').run(status, onScreen ? 1 : 0, at, id);
				if (status !== question.status) audit(actor, `question-${status}`, id, question.text, at);
				if (onScreen !== question.onScreen) audit(actor, onScreen ? 'question-on-screen' : 'question-off-screen', id, question.text, at);
				return { kind: 'changed', question: one(id) } as const;
			});
		},

		addressKeys(now = new Date()) {
			const period = Math.floor(now.getTime() / ADDRESS_KEY_PERIOD_MS);
			const read = () =>
				(db.prepare('SELECT secret FROM question_keys WHERE period IN (?, ?) ORDER BY period DESC').all(period, period - 1) as { secret: string }[]).map((row) => row.secret);
			const current = db.prepare('SELECT 1 FROM question_keys WHERE period = ?').get(period);
			if (current) return Promise.resolve(read());
			return groupedWrite(() => {
				db.prepare('INSERT OR IGNORE INTO question_keys (period, secret) VALUES (?, ?)').run(period, randomBytes(32).toString('base64url'));
				db.prepare('DELETE FROM question_keys WHERE period < ?').run(period - 1);
				return read();
			});
		},

		purge(before) {
			return groupedWrite(() => {
				const at = before.toISOString();
				return Number(db.prepare('DELETE FROM questions WHERE created_at < ?').run(at).changes);
			});
		}
	};
	return store;
}
