import { guardedOrganizer } from '$lib/server/http/api-guard';
import { checkBearer } from '$lib/server/http/bearer';
import { pendingResponse } from '$lib/server/governments/api';
import { createPledgeResponse, listPledgesResponse } from '$lib/server/pledges/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const { request, url, locals } = event;
	if (!url.searchParams.has('verification')) return listPledgesResponse(locals.store, request, url);
	// Submissions awaiting verification are the organizers' only.
	const bearer = await checkBearer(event, ['organizer']);
	return bearer.ok ? pendingResponse(locals.store, request, url) : bearer.response;
};
export const POST: RequestHandler = ({ request, locals }) => createPledgeResponse(locals.store, request, guardedOrganizer(locals));
