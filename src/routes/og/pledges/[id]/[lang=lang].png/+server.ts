import type { Language } from '$lib/i18n/languages';
import { pledgeCardResponse } from '$lib/server/images/pledge-card-response';
import { publicPledge } from '$lib/server/pledges/public-pledge';
import { servedPledgeCard } from '$lib/server/pledges/served-pages';
import type { RequestHandler } from './$types';

// A pledge can be corrected or withdrawn at any time: drawn on request (404 unknown, 410 withdrawn), kept per ledger version.
export const prerender = false;

export const GET: RequestHandler = async (event) => {
	const { params, locals, request } = event;
	return servedPledgeCard(event, async () => pledgeCardResponse(await publicPledge(locals.store, params.id), params.lang as Language, request));
};
