import { event } from '$lib/event/event';
import { translatorFor } from '$lib/event/translator';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '$lib/i18n/languages';
import { isStale } from '$lib/pledges/freshness';
import { pledgeBadgeSvg, pledgeBadgeText } from '$lib/server/images/pledge-badge';
import { recentReportsSince } from '$lib/server/pledges/freshness';
import { conditionalResponse } from '$lib/server/pledges/open-data';
import { publicPledge } from '$lib/server/pledges/public-pledge';
import type { RequestHandler } from './$types';

// A pledge can change or be withdrawn at any time: drawn on request (404 unknown, 410 withdrawn).
export const prerender = false;

/** `/badges/pledges/{id}.svg[?lang=fr]`: the pledge's status and last report, for any site's pages. */
export const GET: RequestHandler = async ({ params, locals, request, url }) => {
	const pledge = await publicPledge(locals.store, params.id);
	const asked = url.searchParams.get('lang');
	const lang = LANGUAGES.find((language) => language === asked) ?? (DEFAULT_LANGUAGE as Language);
	const since = recentReportsSince();
	// The period moves each day: a badge turns "no recent report" without any change to the ledger.
	return conditionalResponse(request, url, await locals.store.snapshot(), `badge-${pledge.id}-${since}`, async () => ({
		body: pledgeBadgeSvg(pledgeBadgeText(pledge, isStale(pledge, since), await translatorFor(lang), event.timeZone)),
		headers: { 'content-type': 'image/svg+xml; charset=utf-8' }
	}));
};
