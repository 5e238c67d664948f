import { countriesByName } from '$lib/pledges/countries';
import type { PledgeSnapshot } from '$lib/pledges/types';
import { pledgeMap } from '$lib/server/world-map/pledge-map';
import { oncePerVersion } from './once-per-version';
import type { PledgeStore } from './types';

/** What every page of the list shows beside its own rows, in one language: the ledger's count, the filter's countries, the map and its table. */
export interface ListSummary {
	snapshot: PledgeSnapshot;
	countries: ReturnType<typeof countriesByName>;
	map: ReturnType<typeof pledgeMap>;
}

const summaries = new WeakMap<PledgeStore, (version: number, lang: string) => Promise<ListSummary>>();

/**
 * The list's summary for the ledger's current version (read from the store now), worked out once per version
 * and language: a count and a count per country over the whole ledger, then the map's projection, cost more than
 * the page's own rows, and they block the process while SQLite reads (node:sqlite is synchronous).
 */
export async function listSummary(store: PledgeStore, lang: string): Promise<ListSummary> {
	let summaryAt = summaries.get(store);
	if (!summaryAt) {
		const countsAt = oncePerVersion(async () => Promise.all([store.snapshot(), store.countryCounts()]));
		summaryAt = oncePerVersion(async (lang: string, version): Promise<ListSummary> => {
			const [snapshot, countryCounts] = await countsAt(version, undefined);
			return { snapshot, countries: countriesByName(lang, countryCounts.map(({ country }) => country)), map: pledgeMap(countryCounts, lang) };
		});
		summaries.set(store, summaryAt);
	}
	return summaryAt(await store.version(), lang);
}
