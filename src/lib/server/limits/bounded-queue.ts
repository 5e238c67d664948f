/**
 * At most `concurrency` tasks at once and `maxWaiting` more in line; beyond that a task is refused
 * at once rather than queued without end. Guards scarce work (password hashing fills libuv's thread
 * pool, and with it every file read the server makes).
 */
export class QueueFull extends Error {
	constructor() {
		super('too many tasks waiting');
	}
}

export function createBoundedQueue(concurrency: number, maxWaiting: number) {
	let running = 0;
	const waiting: (() => void)[] = [];

	const next = () => {
		running--;
		waiting.shift()?.();
	};

	return {
		/** True when a task given now would be refused. */
		get isFull(): boolean {
			return running >= concurrency && waiting.length >= maxWaiting;
		},

		async run<T>(task: () => Promise<T>): Promise<T> {
			if (running >= concurrency) {
				if (waiting.length >= maxWaiting) throw new QueueFull();
				await new Promise<void>((resolve) => waiting.push(resolve));
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
