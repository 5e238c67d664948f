import { countriesByName, countryName } from '$lib/pledges/countries';
import { filterFromQuery } from '$lib/pledges/filter';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

// The ledger changes during the event: rendered on each request, never prerendered.
export const prerender = false;

export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	const store = getStore();
	const filter = filterFromQuery(url.searchParams);
	const { count, updatedAt, latest } = store.snapshot();
	const pledges = store.list(filter).map((pledge) => ({ ...pledge, countryName: countryName(pledge.country, params.lang) }));
	setHeaders({ 'cache-control': 'no-cache' });
	// `live`: the counter's starting point; the stream keeps it current.
	return { count, updatedAt, live: { count, updatedAt, latest: latest.slice(0, 3) }, filter, pledges, countries: countriesByName(params.lang, store.countries()) };
};
