import { captionsOpenResponse, setCaptionsOpenResponse } from '$lib/server/captions/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => captionsOpenResponse(event);
export const PUT: RequestHandler = (event) => setCaptionsOpenResponse(event);
