import type { Kysely } from 'kysely';
import { speakingStore } from '../speaking/store.ts';
import type { SpeakingEngine, SpeakingRecords } from '../speaking/types.ts';
import type { Engine } from './engine.ts';
import type { Database } from './schema.ts';

/** The one row of who is speaking, the same on both engines: through a write's transaction or outside one. */
function speakingRecords(db: Kysely<Database>): SpeakingRecords {
	return {
		async read() {
			const row = await db.selectFrom('now_speaking').select(['speaker_id', 'updated_at']).where('id', '=', 1).executeTakeFirstOrThrow();
			return { speakerId: row.speaker_id, updatedAt: row.updated_at };
		},
		async set(speakerId, at) {
			const { numUpdatedRows } = await db
				.updateTable('now_speaking')
				.set({ speaker_id: speakerId, updated_at: at.toISOString() })
				.where('id', '=', 1)
				// IS DISTINCT FROM on both engines (NULL included): SQLite's IS NOT, PostgreSQL's own.
				.where((row) => (speakerId === null ? row('speaker_id', 'is not', null) : row.or([row('speaker_id', 'is', null), row('speaker_id', '<>', speakerId)])))
				.executeTakeFirstOrThrow();
			return Number(numUpdatedRows) > 0;
		},
		async audit({ at, actor, action, detail }) {
			await db.insertInto('audit_log').values({ at: at.toISOString(), organizer_email: actor.email, action, pledge_id: null, question_id: null, detail }).execute();
		}
	};
}

/** Who is speaking on one engine: its records, its write transactions, the news of the `speaking` topic. */
function speakingEngine(engine: Engine): SpeakingEngine {
	return {
		records: speakingRecords(engine.db),
		changes: engine.changes('speaking'),
		write: (work, isChange) =>
			engine.transaction(async (write) => {
				const result = await work(speakingRecords(write.db));
				if (isChange(result)) write.announce('speaking');
				return result;
			})
	};
}

export const engineSpeaking = (engine: Engine) => speakingStore(speakingEngine(engine));
