import type { RequestEvent } from '@sveltejs/kit';
import { isFormBody } from './content-type';
import { isWrite } from './method';

/**
 * A page of another site sent this: a browser names the page's origin (Origin) and says whether it
 * is another site's (Sec-Fetch-Site). A script without either (curl, a server) is not a page.
 */
export function isFromAnotherSite(request: Request, url: URL): boolean {
	const origin = request.headers.get('origin');
	return (origin !== null && origin !== url.origin) || request.headers.get('sec-fetch-site') === 'cross-site';
}

/**
 * SvelteKit's own cross-site check answers in plain text before any route is known; this one runs
 * in `handle`, after routing, so the API can answer JSON. Its rule: a form-encoded write (what a
 * page on another site can send without asking) must name this site as its origin.
 */
export function isCrossSiteFormPost({ request, url }: Pick<RequestEvent, 'request' | 'url'>): boolean {
	return isWrite(request) && isFormBody(request) && (request.headers.get('origin') === null || isFromAnotherSite(request, url));
}

/** SvelteKit's own answer to a cross-site form post, word for word: plain text, for pages and their forms. */
export function refusedCrossSiteForm(event: Pick<RequestEvent, 'request' | 'url'>): Response | undefined {
	if (!isCrossSiteFormPost(event)) return undefined;
	return new Response(`Cross-site ${event.request.method} form submissions are forbidden`, {
		status: 403,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }
	});
}
