import { afterEach, describe, expect, it, vi } from 'vitest';
import { REFUSED, renderGate } from './render-gate';

/** A rendering the test finishes when it chooses. */
function held<T>(value: T) {
	let finish!: () => void;
	const finished = new Promise<void>((resolve) => (finish = resolve));
	let started = false;
	return {
		work: async () => ((started = true), await finished, value),
		finish,
		get started() {
			return started;
		}
	};
}

afterEach(() => void vi.useRealTimers());

describe('renderGate', () => {
	it('runs its number at once; the next waits its turn, in order, and runs when one finishes', async () => {
		const gate = renderGate({ atOnce: 2, waiting: 4, maxWaitMs: 60_000 });
		const [a, b, c, d] = ['a', 'b', 'c', 'd'].map(held);
		const results = [a, b, c, d].map((rendering) => gate.run(rendering.work));
		await vi.waitFor(() => expect([a.started, b.started]).toEqual([true, true]));
		expect([c.started, d.started, gate.running, gate.queued]).toEqual([false, false, 2, 2]);
		a.finish();
		await vi.waitFor(() => expect(c.started).toBe(true));
		expect(d.started).toBe(false);
		for (const rendering of [b, c, d]) rendering.finish();
		expect(await Promise.all(results)).toEqual(['a', 'b', 'c', 'd']);
		expect([gate.running, gate.queued]).toEqual([0, 0]);
	});

	it('refuses at once, without running it, a rendering that finds the queue full', async () => {
		const gate = renderGate({ atOnce: 1, waiting: 1, maxWaitMs: 60_000 });
		const [running, waiting, refused] = ['a', 'b', 'c'].map(held);
		const results = [running, waiting, refused].map((rendering) => gate.run(rendering.work));
		expect(await results[2]).toBe(REFUSED);
		expect(refused.started).toBe(false);
		running.finish();
		waiting.finish();
		expect(await Promise.all(results.slice(0, 2))).toEqual(['a', 'b']);
	});

	it('refuses a rendering that waited its longest, and frees its place in the queue', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
		const gate = renderGate({ atOnce: 1, waiting: 1, maxWaitMs: 3000 });
		const running = held('a');
		const first = gate.run(running.work);
		const waited = gate.run(held('b').work);
		await vi.advanceTimersByTimeAsync(3000);
		expect(await waited).toBe(REFUSED);
		expect(gate.queued).toBe(0);
		const later = held('c');
		const third = gate.run(later.work);
		running.finish();
		later.finish();
		expect([await first, await third]).toEqual(['a', 'c']);
	});

	it('frees its place when a rendering fails', async () => {
		const gate = renderGate({ atOnce: 1, waiting: 0, maxWaitMs: 60_000 });
		await expect(gate.run(async () => Promise.reject(new Error('render failed')))).rejects.toThrow('render failed');
		expect(await gate.run(async () => 'next')).toBe('next');
	});
});
