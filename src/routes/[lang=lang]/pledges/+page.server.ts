import { error } from '@sveltejs/kit';
import { render } from 'svelte/server';
import { translatorFor } from '$lib/event/translator';
import { translateContext } from '$lib/i18n/context';
import type { Language } from '$lib/i18n/languages';
import { countryName } from '$lib/i18n/format';
import { filterFromQuery, filterQuery, storeFilter } from '$lib/pledges/filter';
import { isStale } from '$lib/pledges/freshness';
import { decodeCursor, encodeCursor } from '$lib/server/pledges/cursor';
import { KEPT_MARKUP_SLOT, keptMarkup } from '$lib/server/pledges/kept-markup';
import { recentReportsSince, staleAfterMonths } from '$lib/server/pledges/freshness';
import { listSummary } from '$lib/server/pledges/list-summary';
import { isQueryableText } from '$lib/server/store/input-rule';
import type { PageServerLoad } from './$types';
import PledgeMap from './PledgeMap.svelte';

// The ledger changes during the event: rendered on each request, never prerendered.
export const prerender = false;

/** Pledges on one page of the list; the links at its foot lead to the next ones. */
const PAGE_SIZE = 50;

export const load: PageServerLoad = async ({ params, url, setHeaders, locals }) => {
	const store = locals.store;
	// Lenient with what it cannot use, but a search the store cannot be asked is refused, not shown as "all".
	if (!isQueryableText(url.searchParams.get('q') ?? '')) error(400, 'Bad Request');
	const filter = filterFromQuery(url.searchParams);
	// A cursor this site did not make (an edited link) shows the first page.
	const after = decodeCursor(url.searchParams.get('cursor') ?? '');
	const since = recentReportsSince();
	const [{ snapshot: { count, updatedAt, latest }, countries, map }, page] = await Promise.all([
		listSummary(store, params.lang),
		store.listPage(storeFilter(filter, since), { limit: PAGE_SIZE, after })
	]);
	const t = await translatorFor(params.lang as Language);
	// The map and its table: most of the page's bytes, the same for every page of this ledger version and
	// language (and country outlined), so rendered once for them; put in the page's slot by the hooks.
	locals.keptMarkup = keptMarkup(map, filter.country ?? '', () => render(PledgeMap, { props: { map, current: filter.country, lang: params.lang as Language }, context: translateContext(t) }).body);
	const pledges = page.pledges.map((pledge) => ({ ...pledge, countryName: countryName(pledge.country, params.lang), isStale: isStale(pledge, since) }));
	setHeaders({ 'cache-control': 'no-cache' });
	return {
		count,
		updatedAt,
		// `live`: the counter's starting point; the stream keeps it current.
		live: { count, updatedAt, latest: latest.slice(0, 3) },
		filter,
		staleAfterMonths: staleAfterMonths(),
		pledges,
		matching: page.matching,
		// Where this page sits among the matches (1-based), for "51–100 of 1,234".
		range: { first: page.before + 1, last: page.before + pledges.length },
		pages: {
			first: after === undefined ? null : `/${params.lang}/pledges${filterQuery(filter)}`,
			next: page.next === null ? null : `/${params.lang}/pledges${filterQuery(filter, encodeCursor(page.next))}`
		},
		countries,
		mapSlot: KEPT_MARKUP_SLOT
	};
};
