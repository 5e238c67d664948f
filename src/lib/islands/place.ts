// Where the islands are in the markup (Island.svelte), and when one is needed: read by the pages' script itself.
/** Whether the island waits for its first view (`hydrate="when-visible"` in Island.svelte). */
export const isDeferred = (place: HTMLElement): boolean => place.dataset.hydrate === 'when-visible';

/** The islands that are not inside another one (an island inside another comes to life with it). */
export const outermostIslands = (): HTMLElement[] =>
	[...document.querySelectorAll<HTMLElement>('[data-island]')].filter((place) => !place.parentElement?.closest('[data-island]'));

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
