// When a deferred island is needed: read after the first paint by ./plain.ts and ./hydrate.ts, not by the pages' script.

/** Whether the island waits for its first view (`hydrate="when-visible"` in Island.svelte). */
export const isDeferred = (place: HTMLElement): boolean => place.dataset.hydrate === 'when-visible';

/**
 * Resolves when an island deferred to its first view comes near the viewport, or when the focus
 * moves into it (a keyboard user tabbing to its form).
 */
export function whenNeeded(place: HTMLElement): Promise<void> {
	return new Promise((resolve) => {
		// The island's wrapper takes no box (display: contents): its children are what can be seen.
		const watched = [...place.children];
		const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && done(), { rootMargin: '200px' });
		const done = () => {
			observer.disconnect();
			place.removeEventListener('focusin', done);
			resolve();
		};
		place.addEventListener('focusin', done);
		if (watched.length === 0) done();
		for (const element of watched) observer.observe(element);
	});
}
