import type { RequestEvent } from '@sveltejs/kit';
import type { Organizer } from './accounts';

export const SESSION_COOKIE = 'organizer_session';
export const CONSOLE_PATH = '/organizers';

/**
 * Decided on the route SvelteKit matched, never on the URL's spelling: `/%6Frganizers`,
 * `//organizers/./audit` or `…/__data.json` reach the same route, so they meet the same rule.
 */
const isConsoleRoute = (routeId: string | null) => routeId === CONSOLE_PATH || Boolean(routeId?.startsWith(`${CONSOLE_PATH}/`));
const isReading = (event: RequestEvent) => event.request.method === 'GET' || event.request.method === 'HEAD';
const isApiWrite = (event: RequestEvent) => event.route.id === '/api/pledges' && !isReading(event);

/** The form action a POST names, the way SvelteKit picks it (`?/name`, else `default`). */
export function actionName(url: URL): string {
	for (const [name] of url.searchParams) if (name.startsWith('/')) return name.slice(1);
	return 'default';
}

// What a stranger may do in the console: see the sign-in form, and post it.
const isSignInPage = (event: RequestEvent) =>
	event.route.id === CONSOLE_PATH && (isReading(event) || (event.request.method === 'POST' && actionName(event.url) === 'signIn'));

function jsonError(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify({ error, message }), {
		status,
		headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }
	});
}

export async function organizerOfSession(event: RequestEvent): Promise<Organizer | undefined> {
	const id = event.cookies.get(SESSION_COOKIE);
	return id ? event.locals.store.sessions.organizerOf(id) : undefined;
}

/**
 * Who may do what, decided here for every console page, form action and API write.
 * Returns a response to send instead when the request is refused; sets `locals.organizer` otherwise.
 * Each console load and action checks `locals.organizer` again (requireOrganizer): a route this
 * misses still refuses.
 */
export async function guard(event: RequestEvent): Promise<Response | undefined> {
	if (isApiWrite(event)) {
		const header = event.request.headers.get('authorization') ?? '';
		const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
		if (!match) {
			// A console cookie is not an API credential.
			if (event.cookies.get(SESSION_COOKIE)) return jsonError(403, 'forbidden', 'The API takes a bearer token, not a console session.');
			return jsonError(401, 'unauthorized', 'An organizer API token is required (Authorization: Bearer <token>).', {
				'www-authenticate': 'Bearer realm="pledges"'
			});
		}
		const organizer = await event.locals.store.organizers.checkToken(match[1]);
		if (!organizer) return jsonError(401, 'unauthorized', 'This API token is not valid.', { 'www-authenticate': 'Bearer realm="pledges", error="invalid_token"' });
		event.locals.organizer = organizer;
		return undefined;
	}
	if (isConsoleRoute(event.route.id)) {
		event.locals.organizer = await organizerOfSession(event);
		if (event.locals.organizer || isSignInPage(event)) return undefined;
		if (isReading(event)) return new Response(null, { status: 303, headers: { location: CONSOLE_PATH, 'cache-control': 'no-store' } });
		return new Response('Sign in first.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
	}
	return undefined;
}
