import { moderateResponse } from '$lib/server/questions/api';
import type { RequestHandler } from './$types';

// Organizers only: the handler checks the bearer token itself.
export const PATCH: RequestHandler = (event) => moderateResponse(event, event.params.id);
