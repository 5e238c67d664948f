// When the islands' work runs: after the first paint, and in small pieces. A slow phone then shows
// the page first and stays responsive while the page comes alive (no task long enough to delay a tap).

type YieldingScheduler = { yield?: () => Promise<void> };

/** Resolves once the browser has painted the page (or after `fallbackMs`: a hidden tab paints nothing). */
export function afterFirstPaint(fallbackMs = 1_000): Promise<void> {
	return new Promise((resolve) => {
		const fallback = setTimeout(resolve, fallbackMs);
		// A frame callback runs just before the paint; a task queued from it runs after.
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(fallback);
				resolve();
			}, 0)
		);
	});
}

/** Lets the browser handle input and paint before the next piece of work. */
export function yieldToBrowser(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: YieldingScheduler }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}
