import { guardedOrganizer } from '$lib/server/http/api-guard';
import { inviteResponse } from '$lib/server/governments/api';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = ({ request, locals }) => inviteResponse(locals.store, request, guardedOrganizer(locals));
