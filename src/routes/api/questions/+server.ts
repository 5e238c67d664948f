import { askResponse, listQuestionsResponse } from '$lib/server/questions/api';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => listQuestionsResponse(event);
export const POST: RequestHandler = (event) => askResponse(event);
