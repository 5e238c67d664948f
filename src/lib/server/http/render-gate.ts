import { createBoundedQueue, QueueFull } from '../limits/bounded-queue.ts';

/** What a gate answers when a rendering may not start: too many wait already, or one waited too long. */
export const REFUSED = Symbol('refused');

export interface RenderGateOptions {
	/** Renderings running at once. */
	atOnce: number;
	/** Renderings that may wait for a turn; one more is refused at once. */
	waiting: number;
	/** How long one may wait for its turn before it is refused. */
	maxWaitMs: number;
}

export interface RenderGate {
	/** Runs `work` in its turn, or answers REFUSED without running it. */
	run<T>(work: () => T | Promise<T>): Promise<T | typeof REFUSED>;
	readonly running: number;
	readonly queued: number;
}

/** The next turn of the event loop, after the I/O that is ready (a /healthz among them). */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A bound on the renderings of one process, so that pages nobody has kept cannot take its whole time:
 * the server's bounded queue, with refusals as REFUSED. Each rendering starts on a turn of its own
 * of the event loop: a rendering that never waits for I/O (SQLite answers at once) would otherwise run
 * back to back with the next one before any other request is read.
 */
export function renderGate({ atOnce, waiting, maxWaitMs }: RenderGateOptions): RenderGate {
	const queue = createBoundedQueue(atOnce, waiting, maxWaitMs);
	return {
		async run(work) {
			try {
				return await queue.run(async () => {
					await nextTurn();
					return work();
				});
			} catch (error) {
				if (error instanceof QueueFull) return REFUSED;
				throw error;
			}
		},
		get running() {
			return queue.running;
		},
		get queued() {
			return queue.queued;
		}
	};
}
