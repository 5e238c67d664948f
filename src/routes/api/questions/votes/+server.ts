import { myVotesResponse } from '$lib/server/questions/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => myVotesResponse(event);
