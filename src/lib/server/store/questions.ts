import type { Kysely } from 'kysely';
import type { Language } from '../../i18n/languages.ts';
import type { Question } from '../../questions/types.ts';
import type { QuestionEngine, QuestionRecords } from '../questions/records.ts';
import { questionStore } from '../questions/store.ts';
import type { QuestionStore } from '../questions/types.ts';
import type { Engine } from './engine.ts';
import { holdLocks } from './locks.ts';
import type { Database, QuestionsTable, Row } from './schema.ts';

const COLUMNS = ['id', 'text', 'name', 'affiliation', 'lang', 'status', 'on_screen', 'votes', 'created_at', 'updated_at'] as const;
const HASH_COLUMNS = { browser: 'browser_hash', address: 'address_hash' } as const;
const isSet = (flag: number | boolean) => flag === true || flag === 1;

type TranslationRow = { question_id: string; lang: string; text: string };

function toQuestion(row: Pick<Row<QuestionsTable>, (typeof COLUMNS)[number]>, translations: readonly TranslationRow[] = []): Question {
	return {
		id: row.id,
		text: row.text,
		name: row.name,
		affiliation: row.affiliation,
		lang: row.lang as Language,
		votes: row.votes,
		status: row.status,
		onScreen: isSet(row.on_screen),
		createdAt: row.created_at,
		updatedAt: row.updated_at,
		translations: Object.fromEntries(translations.map(({ lang, text }) => [lang, text]))
	};
}

/** The questions' rows, the same on both engines: through a write's transaction or outside one. */
function questionRecords(db: Kysely<Database>): QuestionRecords {
	const questions = () => db.selectFrom('questions').select(COLUMNS);
	const translations = () => db.selectFrom('question_translations as t').select(['t.question_id', 't.lang', 't.text']).orderBy('t.lang');
	/** The questions of these rows with their texts in other languages (one query for all). */
	async function withTranslations(rows: readonly Pick<Row<QuestionsTable>, (typeof COLUMNS)[number]>[]): Promise<Question[]> {
		if (rows.length === 0) return [];
		const texts = await translations()
			.where(
				't.question_id',
				'in',
				rows.map((row) => row.id)
			)
			.execute();
		const byQuestion = new Map<string, TranslationRow[]>();
		for (const text of texts) byQuestion.set(text.question_id, [...(byQuestion.get(text.question_id) ?? []), text]);
		return rows.map((row) => toQuestion(row, byQuestion.get(row.id)));
	}
	return {
		async withStatus(statuses) {
			return withTranslations(await questions().where('status', 'in', statuses).orderBy('seq').execute());
		},
		async ranked(status, limit, after) {
			let query = questions().where('status', '=', status);
			if (after) {
				const { votes, createdAt, id } = after;
				query = query.where((eb) =>
					eb.or([
						eb('votes', '<', votes),
						eb.and([eb('votes', '=', votes), eb('created_at', '>', createdAt)]),
						eb.and([eb('votes', '=', votes), eb('created_at', '=', createdAt), eb('id', '>', id)])
					])
				);
			}
			const rows = await query.orderBy('votes', 'desc').orderBy('created_at', 'asc').orderBy('id', 'asc').limit(limit).execute();
			return withTranslations(rows);
		},
		async onScreen() {
			const row = await questions().where('on_screen', '=', true).executeTakeFirst();
			return row && (await withTranslations([row]))[0];
		},
		async byId(id) {
			const [row, texts] = await Promise.all([questions().where('id', '=', id).executeTakeFirst(), translations().where('t.question_id', '=', id).execute()]);
			return row && toQuestion(row, texts);
		},
		async setTranslation(questionId, lang, text, at) {
			await db
				.insertInto('question_translations')
				.values({ question_id: questionId, lang, text, updated_at: at.toISOString() })
				.onConflict((conflict) => conflict.columns(['question_id', 'lang']).doUpdateSet({ text, updated_at: at.toISOString() }))
				.execute();
		},
		async removeTranslation(questionId, lang) {
			const { numDeletedRows } = await db.deleteFrom('question_translations').where('question_id', '=', questionId).where('lang', '=', lang).executeTakeFirstOrThrow();
			return Number(numDeletedRows) > 0;
		},
		async countByStatus() {
			const rows = await db.selectFrom('questions').select(['status', db.fn.countAll<number>().as('count')]).groupBy('status').execute();
			return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)]));
		},
		async hasText(text) {
			return (await db.selectFrom('questions').select('id').where('text', '=', text).executeTakeFirst()) !== undefined;
		},
		async insert(question) {
			const at = question.at.toISOString();
			const row = await db
				.insertInto('questions')
				.values({
					id: question.id,
					text: question.text,
					name: question.name ?? null,
					affiliation: question.affiliation ?? null,
					lang: question.lang,
					browser_hash: question.browser,
					address_hash: question.address,
					created_at: at,
					updated_at: at
				})
				.onConflict((conflict) => conflict.column('text').doNothing())
				.returning(COLUMNS)
				.executeTakeFirst();
			return row && toQuestion(row);
		},
		async update(id, { status, onScreen }, at) {
			await db.updateTable('questions').set({ status, on_screen: onScreen, updated_at: at.toISOString() }).where('id', '=', id).execute();
		},
		async takeOffScreen(at) {
			await db.updateTable('questions').set({ on_screen: false, updated_at: at.toISOString() }).where('on_screen', '=', true).execute();
		},
		async deleteAskedBefore(before) {
			// Their votes go with them (ON DELETE CASCADE).
			const { numDeletedRows } = await db.deleteFrom('questions').where('created_at', '<', before.toISOString()).executeTakeFirstOrThrow();
			return Number(numDeletedRows);
		},
		async pendingCount(by, hashes) {
			const { n } = await db
				.selectFrom('questions')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('status', '=', 'pending')
				.where(HASH_COLUMNS[by], 'in', hashes)
				.executeTakeFirstOrThrow();
			return Number(n);
		},
		async askedAfter(by, hashes, since, max) {
			const rows = await db
				.selectFrom('questions')
				.select('created_at')
				.where(HASH_COLUMNS[by], 'in', hashes)
				.where('created_at', '>', since.toISOString())
				.orderBy('created_at', 'desc')
				.limit(max)
				.execute();
			return rows.map((row) => new Date(row.created_at));
		},
		async addVote(questionId, voter, at) {
			const { numInsertedOrUpdatedRows } = await db
				.insertInto('question_votes')
				.values({ question_id: questionId, voter_hash: voter, created_at: at.toISOString() })
				.onConflict((conflict) => conflict.columns(['question_id', 'voter_hash']).doNothing())
				.executeTakeFirstOrThrow();
			return Number(numInsertedOrUpdatedRows ?? 0) > 0;
		},
		async removeVote(questionId, voter) {
			const { numDeletedRows } = await db.deleteFrom('question_votes').where('question_id', '=', questionId).where('voter_hash', '=', voter).executeTakeFirstOrThrow();
			return Number(numDeletedRows) > 0;
		},
		async addToVotes(questionId, delta) {
			const { votes } = await db
				.updateTable('questions')
				.set((eb) => ({ votes: eb('votes', '+', delta) }))
				.where('id', '=', questionId)
				.returning('votes')
				.executeTakeFirstOrThrow();
			return votes;
		},
		async votedFor(voter, statuses) {
			const rows = await db
				.selectFrom('question_votes as v')
				.innerJoin('questions as q', 'q.id', 'v.question_id')
				.select('v.question_id as id')
				.where('v.voter_hash', '=', voter)
				.where('q.status', 'in', statuses)
				.execute();
			return rows.map((row) => row.id);
		},
		async isOpen() {
			const row = await db.selectFrom('question_session').select('is_open').where('id', '=', 1).executeTakeFirst();
			return row !== undefined && isSet(row.is_open);
		},
		async setOpen(isOpen, at) {
			const { numUpdatedRows } = await db
				.updateTable('question_session')
				.set({ is_open: isOpen, updated_at: at.toISOString() })
				.where('id', '=', 1)
				.where('is_open', '<>', isOpen)
				.executeTakeFirstOrThrow();
			return Number(numUpdatedRows) > 0;
		},
		async audit({ at, actor, action, questionId, detail }) {
			await db
				.insertInto('audit_log')
				.values({ at: at.toISOString(), organizer_email: actor.email, action, pledge_id: null, question_id: questionId, detail })
				.execute();
		},
		async addressKeys(periods) {
			return db.selectFrom('question_keys').select(['period', 'secret']).where('period', 'in', periods).orderBy('period', 'desc').execute();
		},
		async addAddressKey(period, secret) {
			await db
				.insertInto('question_keys')
				.values({ period, secret })
				.onConflict((conflict) => conflict.column('period').doNothing())
				.execute();
		},
		async deleteAddressKeysBefore(period) {
			await db.deleteFrom('question_keys').where('period', '<', period).execute();
		}
	};
}

/** The questions on one engine: its records, its write transactions (holding their locks), the news of the `questions` topic. */
export function questionEngine(engine: Engine): QuestionEngine {
	return {
		records: questionRecords(engine.db),
		changes: engine.changes('questions'),
		write: (work, { locks = [], isChange }) =>
			engine.transaction(async (write) => {
				await holdLocks(engine.kind, write.db, locks);
				const result = await work(questionRecords(write.db));
				if (isChange(result)) write.announce('questions');
				return result;
			})
	};
}

export const engineQuestions = (engine: Engine): QuestionStore => questionStore(questionEngine(engine));
