import { setSpeakingResponse, speakingResponse } from '$lib/server/speaking/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => speakingResponse(event);
export const PUT: RequestHandler = (event) => setSpeakingResponse(event);
