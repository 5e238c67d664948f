import { voteResponse } from '$lib/server/questions/api';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = (event) => voteResponse(event, event.params.id, true);
export const DELETE: RequestHandler = (event) => voteResponse(event, event.params.id, false);
