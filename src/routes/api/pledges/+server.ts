import { guardedOrganizer } from '$lib/server/http/api-guard';
import { createPledgeResponse, listPledgesResponse } from '$lib/server/pledges/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, url, locals }) => listPledgesResponse(locals.store, request, url);
export const POST: RequestHandler = ({ request, locals }) => createPledgeResponse(locals.store, request, guardedOrganizer(locals));
