import { describe, expect, it } from 'vitest';
import { createBoundedQueue, QueueFull } from './bounded-queue';

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((done) => (resolve = done));
	return { promise, resolve };
}

describe('bounded queue', () => {
	it('runs at most `concurrency` tasks at once and refuses beyond the waiting line', async () => {
		const queue = createBoundedQueue(2, 1);
		const gates = [deferred(), deferred(), deferred()];
		let active = 0;
		let mostActive = 0;
		const task = (gate: { promise: Promise<void> }) => async () => {
			active++;
			mostActive = Math.max(mostActive, active);
			await gate.promise;
			active--;
			return 'done';
		};
		const runs = gates.map((gate) => queue.run(task(gate)));
		expect(queue.isFull).toBe(true);
		await expect(queue.run(async () => 'late')).rejects.toBeInstanceOf(QueueFull);
		gates.forEach((gate) => gate.resolve());
		expect(await Promise.all(runs)).toEqual(['done', 'done', 'done']);
		expect(mostActive).toBe(2);
		expect(queue.isFull).toBe(false);
	});

	it('frees its place when a task fails', async () => {
		const queue = createBoundedQueue(1, 0);
		await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await queue.run(async () => 'next')).toBe('next');
	});
});
