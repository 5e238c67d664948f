import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { isPublicStatus } from '../../../questions/types.ts';
import { createChanges } from '../../pledges/changes.ts';
import type { Actor } from '../../pledges/types.ts';
import { HOUR_MS, PENDING_RETRY_SECONDS, QUESTION_COLUMNS as COLUMNS, toPublic, toQuestion, type QuestionRow } from '../../questions/rows.ts';
import { ADDRESS_KEY_PERIOD_MS, type QuestionLimits, type QuestionStore, type Writer } from '../../questions/types.ts';
import { inTransaction, poolQuery, type Query } from './database.ts';
import { listenForChanges, QUESTION_CHANGES_CHANNEL } from './listener.ts';

const secondsUntil = (start: Date, windowMs: number, now: Date) => Math.max(1, Math.ceil((start.getTime() + windowMs - now.getTime()) / 1000));

/** A transaction-level advisory lock's key (a signed 64-bit number) for one writer's hash. */
function lockKey(name: string): bigint {
	return createHash('sha256').update(`questions:${name}`).digest().readBigInt64BE(0);
}

/** The one lock every "put on screen" takes, so two moderations never both keep theirs on screen. */
const SCREEN_LOCK = lockKey('on-screen');

/**
 * The questions store on PostgreSQL, shared by every instance. Each write is one transaction that
 * NOTIFYs `question_changes` with this instance's id (delivered on commit): this instance tells its
 * listeners itself once committed, the others hear it through LISTEN. Asking locks the browser's and
 * the address's hashes (advisory, transaction-level, in key order so two asks never deadlock) before
 * counting, so two instances cannot both let one writer past a limit.
 */
export function postgresQuestions(pool: pg.Pool, url: string): QuestionStore {
	const query = poolQuery(pool);
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

	/** A write and its NOTIFY in one transaction; the news once committed, when `isChange` says so. */
	async function write<T>(work: (q: Query) => Promise<T>, isChange: (result: T) => boolean = () => true): Promise<T> {
		const result = await inTransaction(pool, async (q) => {
			const value = await work(q);
			if (isChange(value)) await q('SELECT pg_notify($1, $2)', [QUESTION_CHANGES_CHANNEL, instance]);
			return value;
		});
		if (isChange(result)) changes.notify();
		return result;
	}

	const select = async (q: Query, where: string, values: unknown[] = []) => (await q<QuestionRow>(`SELECT ${COLUMNS} FROM questions ${where}`, values)).map(toQuestion);
	const one = async (q: Query, id: string, lock = '') => (await select(q, `WHERE id = $1 ${lock}`, [id]))[0];

	async function audit(q: Query, actor: Actor, action: string, questionId: string | null, detail: string | null, at: Date): Promise<void> {
		await q('INSERT INTO audit_log (at, organizer_email, action, question_id, detail) VALUES ($1, $2, $3, $4, $5)', [at, actor.email, action, questionId, detail]);
	}

	async function isOpenNow(q: Query): Promise<boolean> {
		const [row] = await q<{ is_open: boolean }>('SELECT is_open FROM question_session WHERE id = 1');
		return row?.is_open === true;
	}

	/** The oldest of the rows that count towards a limit, when there are `max` or more: the window reopens after it. */
	async function overLimit(q: Query, column: 'browser_hash' | 'address_hash', values: readonly string[], since: Date, max: number): Promise<Date | undefined> {
		const rows = await q<{ at: Date }>(`SELECT created_at AS at FROM questions WHERE ${column} = ANY ($1) AND created_at > $2 ORDER BY created_at DESC LIMIT $3`, [
			values,
			since,
			max
		]);
		return rows.length >= max ? rows[rows.length - 1].at : undefined;
	}

	async function pendingOver(q: Query, writer: Writer, limits: QuestionLimits): Promise<boolean> {
		const count = async (column: string, values: readonly string[]) =>
			(await q<{ n: number }>(`SELECT COUNT(*)::integer AS n FROM questions WHERE status = 'pending' AND ${column} = ANY ($1)`, [values]))[0].n;
		return (await count('browser_hash', [writer.browser])) >= limits.pendingPerBrowser || (await count('address_hash', writer.addresses)) >= limits.pendingPerAddress;
	}

	async function readKeys(q: Query, period: number): Promise<string[]> {
		return (await q<{ secret: string }>('SELECT secret FROM question_keys WHERE period IN ($1, $2) ORDER BY period DESC', [period, period - 1])).map((row) => row.secret);
	}

	return {
		changes,

		async publicState() {
			const [open, questions] = await Promise.all([isOpenNow(query), select(query, "WHERE status IN ('approved', 'answered') ORDER BY votes DESC, seq")]);
			return { open, questions: questions.map(toPublic) };
		},

		list(status) {
			return select(query, status === 'pending' ? 'WHERE status = $1 ORDER BY seq' : 'WHERE status = $1 ORDER BY votes DESC, seq', [status]);
		},

		get(id) {
			return one(query, id);
		},

		isOpen() {
			return isOpenNow(query);
		},

		async setOpen(isOpen, actor, now = new Date()) {
			await write(
				async (q) => {
					const rows = await q('UPDATE question_session SET is_open = $1, updated_at = $2 WHERE id = 1 AND is_open <> $1 RETURNING id', [isOpen, now]);
					if (rows.length > 0) await audit(q, actor, isOpen ? 'questions-open' : 'questions-close', null, null, now);
					return rows.length > 0;
				},
				(changed) => changed
			);
		},

		ask(input, writer, limits, now = new Date()) {
			return write(
				async (q) => {
					const keys = [...new Set([writer.browser, ...writer.addresses].map(lockKey))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
					for (const key of keys) await q('SELECT pg_advisory_xact_lock($1::bigint)', [key.toString()]);
					if (!(await isOpenNow(q))) return { kind: 'closed' } as const;
					if ((await q('SELECT 1 FROM questions WHERE text = $1', [input.text])).length > 0) return { kind: 'duplicate' } as const;
					if (await pendingOver(q, writer, limits)) return { kind: 'limited', retryAfterSeconds: PENDING_RETRY_SECONDS } as const;
					const hourAgo = new Date(now.getTime() - HOUR_MS);
					const oldest =
						(await overLimit(q, 'browser_hash', [writer.browser], hourAgo, limits.askedPerHourPerBrowser)) ??
						(await overLimit(q, 'address_hash', writer.addresses, hourAgo, limits.askedPerHourPerAddress));
					if (oldest) return { kind: 'limited', retryAfterSeconds: secondsUntil(oldest, HOUR_MS, now) } as const;
					// The same text asked at once by another writer (whose locks are not ours): the unique index decides.
					const [row] = await q<QuestionRow>(
						`INSERT INTO questions (id, text, name, affiliation, lang, browser_hash, address_hash, created_at, updated_at)
						 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (text) DO NOTHING RETURNING ${COLUMNS}`,
						[randomUUID(), input.text, input.name ?? null, input.affiliation ?? null, input.lang, writer.browser, writer.addresses[0], now]
					);
					return row ? ({ kind: 'accepted', question: toQuestion(row) } as const) : ({ kind: 'duplicate' } as const);
				},
				(outcome) => outcome.kind === 'accepted'
			);
		},

		vote(id, writer, hasVoted, now = new Date()) {
			return write(
				async (q) => {
					// Locked: a vote and a rejection of the same question happen one after the other.
					const question = await one(q, id, 'FOR UPDATE');
					if (!question || !isPublicStatus(question.status)) return { kind: 'not-found' } as const;
					const changed = hasVoted
						? await q('INSERT INTO question_votes (question_id, voter_hash, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1', [id, writer.browser, now])
						: await q('DELETE FROM question_votes WHERE question_id = $1 AND voter_hash = $2 RETURNING 1', [id, writer.browser]);
					if (changed.length === 0) return { kind: 'counted', votes: question.votes, hasVoted, changed: false } as const;
					const [{ votes }] = await q<{ votes: number }>('UPDATE questions SET votes = votes + $2 WHERE id = $1 RETURNING votes', [id, hasVoted ? 1 : -1]);
					return { kind: 'counted', votes, hasVoted, changed: true } as const;
				},
				(outcome) => outcome.kind === 'counted' && outcome.changed
			).then((outcome) => (outcome.kind === 'counted' ? { kind: 'counted', votes: outcome.votes, hasVoted: outcome.hasVoted } : outcome));
		},

		async votesOf(browser) {
			const rows = await query<{ id: string }>(
				"SELECT v.question_id AS id FROM question_votes v JOIN questions q ON q.id = v.question_id WHERE v.voter_hash = $1 AND q.status IN ('approved', 'answered')",
				[browser]
			);
			return rows.map((row) => row.id);
		},

		moderate(id, change, actor, now = new Date()) {
			return write(
				async (q) => {
					if (change.onScreen) await q('SELECT pg_advisory_xact_lock($1::bigint)', [SCREEN_LOCK.toString()]);
					const question = await one(q, id, 'FOR UPDATE');
					if (!question) return { kind: 'not-found' } as const;
					const status = change.status ?? question.status;
					const onScreen = status === 'rejected' ? false : (change.onScreen ?? question.onScreen);
					if (onScreen && !isPublicStatus(status)) return { kind: 'not-public' } as const;
					if (onScreen && !question.onScreen) await q('UPDATE questions SET on_screen = false, updated_at = $1 WHERE on_screen', [now]);
					await q('UPDATE questions SET status = $1, on_screen = $2, updated_at = $3 WHERE id = $4', [status, onScreen, now, id]);
					if (status !== question.status) await audit(q, actor, `question-${status}`, id, question.text, now);
					if (onScreen !== question.onScreen) await audit(q, actor, onScreen ? 'question-on-screen' : 'question-off-screen', id, question.text, now);
					return { kind: 'changed', question: await one(q, id) } as const;
				},
				(outcome) => outcome.kind === 'changed'
			);
		},

		async addressKeys(now = new Date()) {
			const period = Math.floor(now.getTime() / ADDRESS_KEY_PERIOD_MS);
			if ((await query('SELECT 1 FROM question_keys WHERE period = $1', [period])).length > 0) return readKeys(query, period);
			// Made once: an instance making it at the same time waits for ours and keeps it.
			return inTransaction(pool, async (q) => {
				await q('INSERT INTO question_keys (period, secret) VALUES ($1, $2) ON CONFLICT DO NOTHING', [period, randomBytes(32).toString('base64url')]);
				await q('DELETE FROM question_keys WHERE period < $1', [period - 1]);
				return readKeys(q, period);
			});
		},

		purge(before) {
			return write(
				async (q) => (await q('DELETE FROM questions WHERE created_at < $1 RETURNING 1', [before])).length,
				(count) => count > 0
			);
		}
	};
}
