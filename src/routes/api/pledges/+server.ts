import { error, isHttpError } from '@sveltejs/kit';
import { storeUnavailableResponse } from '$lib/server/store/unavailable-as-503';
import { createPledgeResponse, listPledgesResponse } from '$lib/server/pledges/api';
import type { RequestHandler } from './$types';

/** The API's errors are `{error, message}`, a store fault too. */
const orUnavailable = (response: Promise<Response>) =>
	response.catch((cause: unknown) => {
		if (isHttpError(cause) && cause.status === 503) return storeUnavailableResponse(true);
		throw cause;
	});

export const GET: RequestHandler = ({ url, locals }) => orUnavailable(listPledgesResponse(locals.store, url));

// The guard in hooks.server.ts has checked the bearer token and set the organizer.
export const POST: RequestHandler = ({ request, locals }) => {
	if (!locals.organizer) error(401, 'unauthorized');
	return orUnavailable(createPledgeResponse(locals.store, request, locals.organizer));
};
