import { countryName } from '$lib/i18n/format';
import { isStale } from '$lib/pledges/freshness';
import { pledgeInLanguage } from '$lib/pledges/in-language';
import { recentReportsSince } from '$lib/server/pledges/freshness';
import { publicPledge } from '$lib/server/pledges/public-pledge';
import type { PageServerLoad } from './$types';

// A pledge can be corrected or withdrawn at any time: rendered on each request.
export const prerender = false;

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const pledge = await publicPledge(locals.store, params.id);
	setHeaders({ 'cache-control': 'no-cache' });
	return {
		pledge: { ...pledge, countryName: countryName(pledge.country, params.lang), isStale: isStale(pledge, recentReportsSince()) },
		shown: pledgeInLanguage(pledge, await locals.store.reporting.translations(pledge.id), params.lang),
		notes: await locals.store.notes(pledge.id)
	};
};
