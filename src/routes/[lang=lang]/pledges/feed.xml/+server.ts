import { translatorFor } from '$lib/event/translator';
import type { Language } from '$lib/i18n/languages';
import { badCountryResponse, feedCountry, pledgesFeedResponse } from '$lib/server/pledges/feed-response';
import { settings } from '$lib/settings';
import type { RequestHandler } from './$types';

// The ledger changes at any time: written on request.
export const prerender = false;

export const GET: RequestHandler = async ({ params, locals, request, url }) => {
	const lang = params.lang as Language;
	const t = await translatorFor(lang);
	const scope = feedCountry(url);
	if ('invalid' in scope) return badCountryResponse(lang, t);
	return pledgesFeedResponse({ store: locals.store, request, url, lang, t, origin: settings.origin }, scope.country);
};
