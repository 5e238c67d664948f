import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint, yieldToBrowser } from './schedule';

afterEach(() => {
	vi.unstubAllGlobals();
	vi.useRealTimers();
});

describe('afterFirstPaint', () => {
	it('resolves in the task after the next frame, not before', async () => {
		vi.useFakeTimers();
		let frame: FrameRequestCallback | undefined;
		vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => ((frame = callback), 1));
		let resolved = false;
		void afterFirstPaint().then(() => (resolved = true));
		await vi.advanceTimersByTimeAsync(0);
		expect(resolved).toBe(false);
		frame?.(0);
		expect(resolved).toBe(false);
		await vi.advanceTimersByTimeAsync(0);
		expect(resolved).toBe(true);
	});

	it('resolves after the fallback delay when no frame comes (a hidden tab paints nothing)', async () => {
		vi.useFakeTimers();
		vi.stubGlobal('requestAnimationFrame', () => 1);
		let resolved = false;
		void afterFirstPaint(500).then(() => (resolved = true));
		await vi.advanceTimersByTimeAsync(499);
		expect(resolved).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(resolved).toBe(true);
	});
});

describe('yieldToBrowser', () => {
	it("uses the browser's scheduler.yield where there is one", async () => {
		const yieldNow = vi.fn(() => Promise.resolve());
		vi.stubGlobal('scheduler', { yield: yieldNow });
		await yieldToBrowser();
		expect(yieldNow).toHaveBeenCalledOnce();
	});

	it('else waits for a new task', async () => {
		vi.stubGlobal('scheduler', undefined);
		vi.useFakeTimers();
		let resolved = false;
		void yieldToBrowser().then(() => (resolved = true));
		await Promise.resolve();
		expect(resolved).toBe(false);
		await vi.advanceTimersByTimeAsync(0);
		expect(resolved).toBe(true);
	});
});
