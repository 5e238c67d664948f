import type { RequestEvent } from '@sveltejs/kit';
import { isReading } from '$lib/server/http/method';
import type { Organizer } from './accounts';

export const SESSION_COOKIE = 'organizer_session';
export const CONSOLE_PATH = '/organizers';

/**
 * Decided on the route SvelteKit matched, never on the URL's spelling: `/%6Frganizers`,
 * `//organizers/./audit` or `…/__data.json` reach the same route, so they meet the same rule.
 */
const isConsoleRoute = (routeId: string | null) => routeId === CONSOLE_PATH || Boolean(routeId?.startsWith(`${CONSOLE_PATH}/`));

/** The form action a POST names, the way SvelteKit picks it (`?/name`, else `default`). */
export function actionName(url: URL): string {
	for (const [name] of url.searchParams) if (name.startsWith('/')) return name.slice(1);
	return 'default';
}

// What a stranger may do in the console: see the sign-in form, and post it.
const isSignInPage = (event: RequestEvent) =>
	event.route.id === CONSOLE_PATH && (isReading(event.request) || (event.request.method === 'POST' && actionName(event.url) === 'signIn'));

export async function organizerOfSession(event: RequestEvent): Promise<Organizer | undefined> {
	const id = event.cookies.get(SESSION_COOKIE);
	return id ? event.locals.store.sessions.organizerOf(id) : undefined;
}

/**
 * Who may do what in the console, decided here for every console page and form action (the API's
 * writes: src/lib/server/http/api-guard.ts). Returns a response to send instead when the request
 * is refused; sets `locals.organizer` otherwise. Each console load and action checks
 * `locals.organizer` again (requireOrganizer): a route this misses still refuses.
 */
export async function guard(event: RequestEvent): Promise<Response | undefined> {
	if (!isConsoleRoute(event.route.id)) return undefined;
	event.locals.organizer = await organizerOfSession(event);
	if (event.locals.organizer || isSignInPage(event)) return undefined;
	if (isReading(event.request)) return new Response(null, { status: 303, headers: { location: CONSOLE_PATH, 'cache-control': 'no-store' } });
	return new Response('Sign in first.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
}
