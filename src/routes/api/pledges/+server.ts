import { error } from '@sveltejs/kit';
import { createPledgeResponse, listPledgesResponse } from '$lib/server/pledges/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, url, locals }) => listPledgesResponse(locals.store, request, url);

// The guard in hooks.server.ts has checked the bearer token and set the organizer.
export const POST: RequestHandler = ({ request, locals }) => {
	if (!locals.organizer) error(401, 'unauthorized');
	return createPledgeResponse(locals.store, request, locals.organizer);
};
