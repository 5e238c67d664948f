import type { Kysely } from 'kysely';
import type { Language } from '../../i18n/languages.ts';
import { captionerAccounts } from '../captions/captioners.ts';
import { captionStore } from '../captions/store.ts';
import type { CaptionEngine, CaptionerRecords, CaptionLine, CaptionRecords } from '../captions/types.ts';
import type { Engine } from './engine.ts';
import { holdLocks } from './locks.ts';
import type { CaptionLinesTable, Database, Row } from './schema.ts';

const COLUMNS = ['seq', 'id', 'lang', 'text', 'is_final', 'is_hidden', 'started_at', 'at'] as const;
const isSet = (flag: number | boolean) => flag === true || flag === 1;

function toLine(row: Pick<Row<CaptionLinesTable>, (typeof COLUMNS)[number]>): CaptionLine {
	return {
		seq: Number(row.seq),
		id: row.id,
		lang: row.lang as Language,
		text: row.text,
		isFinal: isSet(row.is_final),
		isHidden: isSet(row.is_hidden),
		startedAt: row.started_at,
		at: row.at
	};
}

/** The caption lines' rows, the same on both engines: through a write's transaction or outside one. */
function captionRecords(db: Kysely<Database>): CaptionRecords {
	const lines = () => db.selectFrom('caption_lines').select(COLUMNS);
	return {
		async byId(lang, id) {
			const row = await lines().where('lang', '=', lang).where('id', '=', id).executeTakeFirst();
			return row && toLine(row);
		},
		async replace(line) {
			await db.deleteFrom('caption_lines').where('lang', '=', line.lang).where('id', '=', line.id).execute();
			const row = await db
				.insertInto('caption_lines')
				.values({ id: line.id, lang: line.lang, text: line.text, is_final: line.isFinal, is_hidden: line.isHidden ?? false, started_at: line.startedAt, at: line.at })
				.returning(COLUMNS)
				.executeTakeFirstOrThrow();
			return toLine(row);
		},
		async after(lang, seq, limit) {
			return (await lines().where('lang', '=', lang).where('seq', '>', seq).orderBy('seq').limit(limit).execute()).map(toLine);
		},
		async latest(lang, count) {
			return (await lines().where('lang', '=', lang).orderBy('seq', 'desc').limit(count).execute()).map(toLine).reverse();
		},
		async finalLines(lang) {
			return (await lines().where('lang', '=', lang).where('is_final', '=', true).orderBy('started_at').orderBy('seq').execute()).map(toLine);
		},
		async isOpen() {
			const row = await db.selectFrom('caption_window').select('is_open').where('id', '=', 1).executeTakeFirst();
			return row !== undefined && isSet(row.is_open);
		},
		async setOpen(isOpen, at) {
			const { numUpdatedRows } = await db
				.updateTable('caption_window')
				.set({ is_open: isOpen, updated_at: at.toISOString() })
				.where('id', '=', 1)
				.where('is_open', '<>', isOpen)
				.executeTakeFirstOrThrow();
			return Number(numUpdatedRows) > 0;
		},
		async audit({ at, actor, action, detail }) {
			await db.insertInto('audit_log').values({ at: at.toISOString(), organizer_email: actor.email, action, pledge_id: null, question_id: null, detail }).execute();
		}
	};
}

/** Captioners' rows, the same on both engines. */
function captionerRecords(db: Kysely<Database>): CaptionerRecords {
	const captioners = () => db.selectFrom('captioners').select(['id', 'email', 'token_hash as tokenHash', 'created_at as createdAt']);
	return {
		async insert(record) {
			const inserted = await db
				.insertInto('captioners')
				.values({ id: record.id, email: record.email, token_hash: record.tokenHash, created_at: record.createdAt })
				.onConflict((conflict) => conflict.column('email').doNothing())
				.returning('id')
				.executeTakeFirst();
			return inserted !== undefined;
		},
		byId: (id) => captioners().where('id', '=', id).executeTakeFirst(),
		list: () => captioners().orderBy('email').execute(),
		async removeByEmail(email) {
			const { numDeletedRows } = await db.deleteFrom('captioners').where('email', '=', email).executeTakeFirstOrThrow();
			return Number(numDeletedRows) > 0;
		}
	};
}

/** The captions on one engine: its records, its write transactions (holding their locks), the news of the `captions` topic. */
function captionEngine(engine: Engine): CaptionEngine {
	return {
		records: captionRecords(engine.db),
		changes: engine.changes('captions'),
		write: (work, { locks = [], isChange }) =>
			engine.transaction(async (write) => {
				await holdLocks(engine.kind, write.db, locks);
				const result = await work(captionRecords(write.db));
				if (isChange(result)) write.announce('captions');
				return result;
			})
	};
}

export const engineCaptions = (engine: Engine) => captionStore(captionEngine(engine));
export const engineCaptioners = (engine: Engine) => captionerAccounts(captionerRecords(engine.db));
