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
 * `atOnce` run, `waiting` wait in order, the rest are refused. Each rendering starts on a turn of its own
 * of the event loop: a rendering that never waits for I/O (SQLite answers at once) would otherwise run
 * back to back with the next one before any other request is read.
 */
export function renderGate({ atOnce, waiting, maxWaitMs }: RenderGateOptions): RenderGate {
	let running = 0;
	const queue: (() => void)[] = [];

	const release = () => {
		const next = queue.shift();
		if (next) next();
		else running--;
	};

	/** A turn: at once when one is free, else in order, or false when the queue is full or the wait too long. */
	const turn = (): Promise<boolean> => {
		if (running < atOnce) {
			running++;
			return Promise.resolve(true);
		}
		if (queue.length >= waiting) return Promise.resolve(false);
		return new Promise((resolve) => {
			// A turn handed over keeps `running` as it is: the finished rendering's place goes to this one.
			const admit = () => {
				clearTimeout(timer);
				resolve(true);
			};
			const timer = setTimeout(() => {
				queue.splice(queue.indexOf(admit), 1);
				resolve(false);
			}, maxWaitMs);
			queue.push(admit);
		});
	};

	return {
		async run(work) {
			if (!(await turn())) return REFUSED;
			try {
				await nextTurn();
				return await work();
			} finally {
				release();
			}
		},
		get running() {
			return running;
		},
		get queued() {
			return queue.length;
		}
	};
}
