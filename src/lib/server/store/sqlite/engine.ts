import { sql, type SqlBool } from 'kysely';
import type { DatabaseSync } from 'node:sqlite';
import { createChanges } from '../../pledges/changes.ts';
import type { Compact } from '../../pledges/types.ts';
import type { Engine, Topic, TopicChanges } from '../engine.ts';
import { createGroupCommit } from './group-commit.ts';
import { sqliteKysely } from './kysely.ts';

/** How often a listened-to store checks whether another process committed to the file. */
export const DATA_VERSION_POLL_MS = 250;

/**
 * The SQLite engine on an open file (database.ts): one connection used in turns, every write through
 * group commit. Other processes on the same file (a second instance, the organizers command) are
 * noticed through `PRAGMA data_version`, checked while someone listens.
 */
export function sqliteEngine(db: DatabaseSync): Engine {
	const kysely = sqliteKysely(db);
	const topics = new Map<Topic, TopicChanges>();
	const changes = (topic: Topic) => {
		let found = topics.get(topic);
		if (!found) {
			const created = createChanges(() => watchOtherConnections(db, () => created.notify()));
			topics.set(topic, (found = created));
		}
		return found;
	};
	const transaction = createGroupCommit(kysely, db, (announced) => {
		for (const topic of announced) changes(topic).notify();
	});

	return {
		kind: 'sqlite',
		db: kysely,
		transaction,
		changes,
		dialect: {
			compacts: {
				write: (compacts) => JSON.stringify(compacts),
				read: (value) => JSON.parse(value as string) as Compact[],
				include: (compact) => sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(${sql.ref('compacts')}) WHERE value = ${compact})`
			},
			isAnyOf: (column, values) => sql<SqlBool>`${sql.ref(column)} IN (SELECT value FROM json_each(${JSON.stringify(values)}))`
		},
		async close() {
			await kysely.destroy();
		}
	};
}

/** Calls `onChange` when another connection commits to the file; returns what stops watching. */
function watchOtherConnections(db: DatabaseSync, onChange: () => void): () => void {
	const version = () => (db.prepare('PRAGMA data_version').get() as { data_version: number }).data_version;
	let last = version();
	const timer = setInterval(() => {
		if (!db.isOpen) return;
		try {
			const current = version();
			if (current === last) return;
			last = current;
		} catch {
			return; // busy or closing: the next tick looks again
		}
		onChange();
	}, DATA_VERSION_POLL_MS);
	timer.unref();
	return () => clearInterval(timer);
}
