import type { DatabaseSync } from 'node:sqlite';
import { inTransactionAwaiting } from './database.ts';

interface Pending {
	work: () => unknown | Promise<unknown>;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
}

/**
 * Group commit: writes that arrive while the disk is busy with one fsync share the next one.
 * Each write runs in its own savepoint inside a single IMMEDIATE transaction (one failing write
 * does not undo the others), and every promise settles only after COMMIT has returned, that is,
 * once the write is on disk. A write may await, but only this database's statements (synchronous):
 * the batch then runs to COMMIT within the microtasks of its setImmediate, before any other code
 * of the process (which could otherwise begin a transaction on this connection meanwhile).
 */
export function createGroupCommit(db: DatabaseSync, onCommitted: () => void) {
	let queue: Pending[] = [];
	let isScheduled = false;

	async function flush(): Promise<void> {
		isScheduled = false;
		const batch = queue;
		queue = [];
		const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
		try {
			await inTransactionAwaiting(db, async () => {
				for (const item of batch) {
					db.exec('SAVEPOINT grouped_write');
					try {
						outcomes.push({ ok: true, value: await item.work() });
						db.exec('RELEASE grouped_write');
					} catch (error) {
						db.exec('ROLLBACK TO grouped_write');
						db.exec('RELEASE grouped_write');
						outcomes.push({ ok: false, error });
					}
				}
			});
		} catch (error) {
			for (const item of batch) item.reject(error);
			return;
		}
		onCommitted();
		batch.forEach((item, index) => {
			const outcome = outcomes[index];
			if (outcome.ok) item.resolve(outcome.value);
			else item.reject(outcome.error);
		});
	}

	return function write<T>(work: () => T | Promise<T>): Promise<T> {
		return new Promise<T>((resolve, reject) => {
			queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
			if (!isScheduled) {
				isScheduled = true;
				// After the event loop has read every request that arrived during the last commit.
				setImmediate(flush);
			}
		});
	};
}
