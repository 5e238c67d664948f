import { countriesByName, countryName } from '$lib/pledges/countries';
import { filterFromQuery } from '$lib/pledges/filter';
import { pledgeMap } from '$lib/server/world-map/pledge-map';
import type { PageServerLoad } from './$types';

// The ledger changes during the event: rendered on each request, never prerendered.
export const prerender = false;

export const load: PageServerLoad = async ({ params, url, setHeaders, locals }) => {
	const store = locals.store;
	const filter = filterFromQuery(url.searchParams);
	const [{ count, updatedAt, latest }, listed, countryCounts] = await Promise.all([store.snapshot(), store.list(filter), store.countryCounts()]);
	const pledges = listed.map((pledge) => ({ ...pledge, countryName: countryName(pledge.country, params.lang) }));
	const countries = countriesByName(params.lang, countryCounts.map(({ country }) => country));
	setHeaders({ 'cache-control': 'no-cache' });
	// `live`: the counter's starting point; the stream keeps it current.
	return { count, updatedAt, live: { count, updatedAt, latest: latest.slice(0, 3) }, filter, pledges, countries, map: pledgeMap(countryCounts, params.lang) };
};
