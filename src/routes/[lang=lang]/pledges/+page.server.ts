import { countriesByName, countryName } from '$lib/pledges/countries';
import { filterFromQuery } from '$lib/pledges/filter';
import { getStore } from '$lib/server/store';
import type { PageServerLoad } from './$types';

// The ledger changes during the event: rendered on each request, never prerendered.
export const prerender = false;

export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	const store = getStore();
	const filter = filterFromQuery(url.searchParams);
	const { count, updatedAt } = store.snapshot();
	const pledges = store.list(filter).map((pledge) => ({ ...pledge, countryName: countryName(pledge.country, params.lang) }));
	setHeaders({ 'cache-control': 'no-cache' });
	return { count, updatedAt, filter, pledges, countries: countriesByName(params.lang, store.countries()) };
};
