// Islands whose component only renders markup: in the browser a plain module keeps that markup live
// instead of Svelte, so a page whose islands are all plain loads no Svelte at all. Each module comes
// in its own chunk, only to the pages that have its island; its words came with the page.
import type { Language } from '$lib/i18n/languages';
import { isDeferred, whenNeeded } from './place';

type StartIsland = (place: HTMLElement, lang: Language) => void;

const plainIslands: Record<string, () => Promise<{ start: StartIsland }>> = {
	PledgeCounter: () => import('./pledge-counter-island')
};

export const isPlainIsland = (place: HTMLElement): boolean => Object.hasOwn(plainIslands, place.dataset.island ?? '');

/** Starts each plain island of `places` (outermost ones): now, or when a deferred one is first needed. */
export function startPlainIslands(places: readonly HTMLElement[], lang: Language): void {
	for (const place of places.filter(isPlainIsland)) {
		const start = async () => {
			(await plainIslands[place.dataset.island!]!()).start(place, lang);
			place.dataset.hydrated = '';
		};
		void (isDeferred(place) ? whenNeeded(place).then(start) : start());
	}
}
