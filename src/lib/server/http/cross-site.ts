import type { RequestEvent } from '@sveltejs/kit';

/**
 * SvelteKit's own cross-site check answers in plain text before any route is known; this one runs
 * in `handle`, after routing, so the API can answer JSON. Same rule: a form-encoded body (what a
 * page on another site can send without asking) posted from another origin is refused.
 */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isFormBody(request: Request): boolean {
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	return FORM_TYPES.includes(type);
}

export function isCrossSiteFormPost(event: Pick<RequestEvent, 'request' | 'url'>): boolean {
	return WRITES.has(event.request.method) && isFormBody(event.request) && event.request.headers.get('origin') !== event.url.origin;
}

export const isApiRoute = (routeId: string | null) => Boolean(routeId?.startsWith('/api/'));
