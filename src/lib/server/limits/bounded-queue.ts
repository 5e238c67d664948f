/**
 * At most `concurrency` tasks at once and `maxWaiting` more in line; beyond that a task is refused
 * at once rather than queued without end, and, given `maxWaitMs`, one that waited that long is refused
 * too. Guards scarce work (password hashing fills libuv's thread pool, and with it every file read the
 * server makes; page renderings take the event loop).
 */
export class QueueFull extends Error {
	constructor() {
		super('too many tasks waiting');
	}
}

export function createBoundedQueue(concurrency: number, maxWaiting: number, maxWaitMs = Infinity) {
	let running = 0;
	const waiting: (() => void)[] = [];

	const next = () => {
		running--;
		waiting.shift()?.();
	};

	/** Resolves when a place is free; rejects with QueueFull once the wait is too long. */
	const wait = () =>
		new Promise<void>((resolve, reject) => {
			const admit = () => {
				clearTimeout(timer);
				resolve();
			};
			const timer =
				maxWaitMs === Infinity
					? undefined
					: setTimeout(() => {
							waiting.splice(waiting.indexOf(admit), 1);
							reject(new QueueFull());
						}, maxWaitMs);
			waiting.push(admit);
		});

	return {
		/** True when a task given now would be refused. */
		get isFull(): boolean {
			return running >= concurrency && waiting.length >= maxWaiting;
		},
		get running(): number {
			return running;
		},
		get queued(): number {
			return waiting.length;
		},

		async run<T>(task: () => T | Promise<T>): Promise<T> {
			if (running >= concurrency) {
				if (waiting.length >= maxWaiting) throw new QueueFull();
				await wait();
			}
			running++;
			try {
				return await task();
			} finally {
				next();
			}
		}
	};
}
