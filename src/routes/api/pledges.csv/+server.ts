import { pledgesCsvResponse } from '$lib/server/pledges/open-data';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, url, locals }) => pledgesCsvResponse(locals.store, request, url);
