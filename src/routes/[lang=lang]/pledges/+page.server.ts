import { countriesByName, countryName } from '$lib/pledges/countries';
import { filterFromQuery } from '$lib/pledges/filter';
import type { PageServerLoad } from './$types';

// The ledger changes during the event: rendered on each request, never prerendered.
export const prerender = false;

export const load: PageServerLoad = async ({ params, url, setHeaders, locals }) => {
	const store = locals.store;
	const filter = filterFromQuery(url.searchParams);
	const [{ count, updatedAt, latest }, listed, countries] = await Promise.all([store.snapshot(), store.list(filter), store.countries()]);
	const pledges = listed.map((pledge) => ({ ...pledge, countryName: countryName(pledge.country, params.lang) }));
	setHeaders({ 'cache-control': 'no-cache' });
	// `live`: the counter's starting point; the stream keeps it current.
	return { count, updatedAt, live: { count, updatedAt, latest: latest.slice(0, 3) }, filter, pledges, countries: countriesByName(params.lang, countries) };
};
