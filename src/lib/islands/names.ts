import type { IslandName } from './registry';

/** An island's name in the markup and the words it speaks (key prefixes), as registry.ts lists them. */
export type KnownIsland = { name: IslandName; words: readonly string[] };

let known: Map<unknown, KnownIsland> | undefined;

/**
 * What Island.svelte needs of the registry, without its loaders: a page that imports Island.svelte
 * must not import every island's module dynamically too, or the build takes each island's styles
 * for code loaded later and leaves them out of the page (unstyled without JavaScript). Filled on
 * the server by registry.ts's loadIslandNames (src/hooks.server.ts, before any page renders).
 */
export function knowIslands(entries: Iterable<readonly [unknown, KnownIsland]>): void {
	known = new Map(entries);
}

/** The island a page passes to Island.svelte; throws for a component not registered. */
export function islandOf(component: unknown): KnownIsland {
	if (!known) throw new Error('Island.svelte: the islands are not loaded yet (loadIslandNames, src/hooks.server.ts)');
	const island = known.get(component);
	if (!island) throw new Error('Island.svelte: this component is not in src/lib/islands/registry.ts');
	return island;
}
