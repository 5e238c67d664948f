import type { Language } from '$lib/i18n/languages';
import { pledgeCardResponse } from '$lib/server/images/pledge-card-response';
import { publicPledge } from '$lib/server/pledges/public-pledge';
import type { RequestHandler } from './$types';

// A pledge can be corrected or withdrawn at any time: drawn on request (404 unknown, 410 withdrawn).
export const prerender = false;

export const GET: RequestHandler = async ({ params, locals, request }) => {
	return pledgeCardResponse(await publicPledge(locals.store, params.id), params.lang as Language, request);
};
