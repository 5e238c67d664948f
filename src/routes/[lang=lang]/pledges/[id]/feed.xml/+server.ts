import { translatorFor } from '$lib/event/translator';
import type { Language } from '$lib/i18n/languages';
import { pledgeFeedResponse } from '$lib/server/pledges/feed-response';
import { publicPledge } from '$lib/server/pledges/public-pledge';
import { settings } from '$lib/settings';
import type { RequestHandler } from './$types';

// A pledge can be corrected or withdrawn at any time: written on request (404 unknown, 410 withdrawn).
export const prerender = false;

export const GET: RequestHandler = async ({ params, locals, request, url }) => {
	const lang = params.lang as Language;
	const pledge = await publicPledge(locals.store, params.id);
	return pledgeFeedResponse({ store: locals.store, request, url, lang, t: await translatorFor(lang), origin: settings.origin }, pledge);
};
