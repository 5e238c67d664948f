import { correctCaptionResponse } from '$lib/server/captions/api';
import type { RequestHandler } from './$types';

export const PATCH: RequestHandler = (event) => correctCaptionResponse(event, event.params.lang, event.params.id);
