import { countryName } from '$lib/i18n/format';
import { isStale } from '$lib/pledges/freshness';
import { pledgeInLanguage } from '$lib/pledges/in-language';
import { recentReportsSince } from '$lib/server/pledges/freshness';
import { publicPledge } from '$lib/server/pledges/public-pledge';
import type { PageServerLoad } from './$types';

// Cities frame this page on their own sites: the pledge as it is at the request (404 unknown, 410 withdrawn).
export const prerender = false;

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const pledge = await publicPledge(locals.store, params.id);
	const { id, government, country, status, createdAt, lastReportAt, reportedBy } = pledge;
	const { title } = pledgeInLanguage(pledge, await locals.store.reporting.translations(id), params.lang);
	setHeaders({ 'cache-control': 'no-cache' });
	return { pledge: { id, title, government, reportedBy, countryName: countryName(country, params.lang), status, lastReportAt, isStale: isStale({ createdAt, lastReportAt }, recentReportsSince()) } };
};
