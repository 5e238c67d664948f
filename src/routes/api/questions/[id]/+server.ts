import { moderateResponse } from '$lib/server/questions/api';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = (event) => moderateResponse(event, event.params.id);
