// Islands whose component only renders markup: in the browser a plain module keeps that markup live
// instead of Svelte, so a page whose islands are all plain loads no Svelte at all. Loaded by the pages'
// script only where the markup marks a plain island (`data-plain`, Island.svelte); each module comes
// in its own chunk, only to the pages that have its island; its words came with the page.
import type { Language } from '$lib/i18n/languages';
import type { IslandName } from './registry';
import { isDeferred, whenNeeded } from './when-needed';

type StartIsland = (place: HTMLElement, lang: Language) => void;

/** The browser's module of each island the registry marks `plain` (registry.spec.ts checks both lists agree). */
export const plainIslands: Partial<Record<IslandName, () => Promise<{ start: StartIsland }>>> = {
	PledgeCounter: () => import('./pledge-counter-island')
};

/** Starts each plain island of `places` (outermost ones): now, or when a deferred one is first needed. */
export function startPlainIslands(places: readonly HTMLElement[], lang: Language): void {
	for (const place of places) {
		const load = plainIslands[place.dataset.island as IslandName];
		if (!load) continue;
		const start = async () => {
			(await load()).start(place, lang);
			place.dataset.hydrated = '';
		};
		void (isDeferred(place) ? whenNeeded(place).then(start) : start());
	}
}
