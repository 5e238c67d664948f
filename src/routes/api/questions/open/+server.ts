import { setOpenResponse } from '$lib/server/questions/api';
import type { RequestHandler } from './$types';

// Organizers only: the handler checks the bearer token itself.
export const PUT: RequestHandler = (event) => setOpenResponse(event);
