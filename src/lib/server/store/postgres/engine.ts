import { randomUUID } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type pg from 'pg';
import { createChanges } from '../../pledges/changes.ts';
import type { Compact } from '../../pledges/types.ts';
import type { Engine, Topic, TopicChanges } from '../engine.ts';
import { postgresKysely } from './kysely.ts';
import { CAPTION_CHANGES_CHANNEL, CHANGES_CHANNEL, listenForChanges, QUESTION_CHANGES_CHANNEL, SPEAKING_CHANGES_CHANNEL } from './listener.ts';

const CHANNELS: Record<Topic, string> = { pledges: CHANGES_CHANNEL, questions: QUESTION_CHANGES_CHANNEL, captions: CAPTION_CHANGES_CHANNEL, speaking: SPEAKING_CHANGES_CHANNEL };

/**
 * The PostgreSQL engine on the store's pool, shared by every instance. A write that announces a topic
 * NOTIFYs its channel with this instance's id (delivered on commit): this instance tells its listeners
 * itself once committed, the others hear it through LISTEN.
 */
export function postgresEngine(pool: pg.Pool, url: string): Engine {
	const kysely = postgresKysely(pool);
	const instance = randomUUID();
	const topics = new Map<Topic, TopicChanges>();
	const changes = (topic: Topic) => {
		let found = topics.get(topic);
		if (!found) {
			const created = createChanges(() => {
				// After a reconnection (no payload) a re-read: a change may have been missed meanwhile. The
				// questions' listeners read when they subscribe, so their first connection is no news for them.
				let hasConnected = false;
				return listenForChanges(
					url,
					(payload) => {
						const isNews = payload === undefined ? hasConnected || topic !== 'questions' : payload !== instance;
						hasConnected = true;
						if (isNews) created.notify();
					},
					CHANNELS[topic]
				);
			});
			topics.set(topic, (found = created));
		}
		return found;
	};

	return {
		kind: 'postgres',
		db: kysely,
		async transaction(work) {
			const announced = new Set<Topic>();
			const result = await kysely.transaction().execute(async (trx) => {
				const value = await work({ db: trx, announce: (topic) => announced.add(topic) });
				for (const topic of announced) await sql`SELECT pg_notify(${CHANNELS[topic]}, ${instance})`.execute(trx);
				return value;
			});
			for (const topic of announced) changes(topic).notify();
			return result;
		},
		changes,
		dialect: {
			compacts: {
				write: (compacts) => [...compacts],
				// text[] arrives as an array already.
				read: (value) => [...(value as readonly Compact[])],
				include: (compact) => sql<SqlBool>`${compact} = ANY (${sql.ref('compacts')})`
			},
			isAnyOf: (column, values) => sql<SqlBool>`${sql.ref(column)} = ANY (${[...values]})`
		},
		async close() {
			await kysely.destroy();
		}
	};
}
