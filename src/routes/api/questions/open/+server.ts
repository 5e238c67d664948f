import { setOpenResponse } from '$lib/server/questions/api';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = (event) => setOpenResponse(event);
