import { postCaptionResponse, transcriptResponse } from '$lib/server/captions/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => transcriptResponse(event);
export const POST: RequestHandler = (event) => postCaptionResponse(event);
