import { guardedOrganizer } from '$lib/server/http/api-guard';
import { verifyResponse } from '$lib/server/governments/api';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = ({ request, locals, params }) => verifyResponse(locals.store, request, params.id, guardedOrganizer(locals));
