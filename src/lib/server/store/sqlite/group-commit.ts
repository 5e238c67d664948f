import { CompiledQuery, type Kysely } from 'kysely';
import type { DatabaseSync } from 'node:sqlite';
import type { Topic, Write } from '../engine.ts';
import type { Database } from '../schema.ts';
import { assertSameFile } from './database.ts';

interface Pending {
	work: (write: Write) => Promise<unknown>;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
}

// The transaction's own statements, compiled once (they run several times per write).
const BEGIN = CompiledQuery.raw('BEGIN IMMEDIATE');
const COMMIT = CompiledQuery.raw('COMMIT');
const SAVEPOINT = CompiledQuery.raw('SAVEPOINT grouped_write');
const RELEASE = CompiledQuery.raw('RELEASE grouped_write');
const ROLLBACK_TO = CompiledQuery.raw('ROLLBACK TO grouped_write');

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Group commit: writes that arrive while the disk is busy with one fsync share the next one.
 * Each write runs in its own savepoint inside a single IMMEDIATE transaction (one failing write
 * does not undo the others), and every promise settles only after COMMIT has returned, that is,
 * once the write is on disk. `onCommitted` hears the topics the batch's writes announced, once each.
 */
export function createGroupCommit(kysely: Kysely<Database>, db: DatabaseSync, onCommitted: (topics: ReadonlySet<Topic>) => void) {
	let queue: Pending[] = [];
	let isScheduled = false;

	/** The batch's writes, each in its savepoint, on the connection held for the whole transaction. */
	async function runBatch(connection: Kysely<Database>, batch: Pending[], announced: Set<Topic>): Promise<Outcome[]> {
		const outcomes: Outcome[] = [];
		for (const item of batch) {
			const topics = new Set<Topic>();
			await connection.executeQuery(SAVEPOINT);
			try {
				const value = await item.work({ db: connection, announce: (topic) => topics.add(topic) });
				await connection.executeQuery(RELEASE);
				outcomes.push({ ok: true, value });
				for (const topic of topics) announced.add(topic);
			} catch (error) {
				// A fault of the medium may have ended the whole transaction: then the batch fails.
				if (!db.isTransaction) throw error;
				await connection.executeQuery(ROLLBACK_TO);
				await connection.executeQuery(RELEASE);
				outcomes.push({ ok: false, error });
			}
		}
		return outcomes;
	}

	async function flush(): Promise<void> {
		isScheduled = false;
		let batch: Pending[] = [];
		const announced = new Set<Topic>();
		let outcomes: Outcome[];
		try {
			outcomes = await kysely.connection().execute(async (connection) => {
				// Writes that arrived while the connection was busy join this batch.
				batch = queue;
				queue = [];
				if (batch.length === 0) return [];
				assertSameFile(db);
				// BEGIN IMMEDIATE takes the write lock up front, so two processes never both read and
				// then fail to upgrade; busy_timeout makes the second one wait.
				await connection.executeQuery(BEGIN);
				try {
					const done = await runBatch(connection, batch, announced);
					await connection.executeQuery(COMMIT);
					return done;
				} catch (error) {
					if (db.isTransaction) db.exec('ROLLBACK');
					throw error;
				}
			});
		} catch (error) {
			for (const item of batch) item.reject(error);
			return;
		}
		if (announced.size > 0) onCommitted(announced);
		batch.forEach((item, index) => {
			const outcome = outcomes[index];
			if (outcome.ok) item.resolve(outcome.value);
			else item.reject(outcome.error);
		});
	}

	return function write<T>(work: (write: Write) => Promise<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
			if (!isScheduled) {
				isScheduled = true;
				// After the event loop has read every request that arrived during the last commit.
				setImmediate(() => void flush());
			}
		});
	};
}
