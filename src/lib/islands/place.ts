// Where the islands are in the markup (Island.svelte): read by the pages' script itself, so kept to what it needs.

/** The islands that are not inside another one (an island inside another comes to life with it). */
export const outermostIslands = (): HTMLElement[] =>
	[...document.querySelectorAll<HTMLElement>('[data-island]')].filter((place) => !place.parentElement?.closest('[data-island]'));

/** Whether the island is a plain one (`data-plain`, Island.svelte): driven by a plain module (./plain.ts), not by Svelte. */
export const isPlain = (place: HTMLElement): boolean => place.dataset.plain !== undefined;
