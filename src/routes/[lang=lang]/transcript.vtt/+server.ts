import { webVttResponse } from '$lib/server/captions/published';
import type { RequestHandler } from './$types';

export const prerender = false;

export const GET: RequestHandler = ({ params, locals }) => webVttResponse(locals.store, params.lang);
