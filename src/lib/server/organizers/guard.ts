import type { RequestEvent } from '@sveltejs/kit';
import type { Organizer } from './accounts';

export const SESSION_COOKIE = 'organizer_session';
export const CONSOLE_PATH = '/organizers';

const isConsolePath = (path: string) => path === CONSOLE_PATH || path.startsWith(`${CONSOLE_PATH}/`);
const isApiWrite = (event: RequestEvent) =>
	event.url.pathname.replace(/\/+$/, '') === '/api/pledges' && event.request.method !== 'GET' && event.request.method !== 'HEAD';
// The only thing a stranger may post to the console: the sign-in form.
const isSignIn = (event: RequestEvent) =>
	event.url.pathname === CONSOLE_PATH && event.request.method === 'POST' && event.url.search === '?/signIn';

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
 */
export async function guard(event: RequestEvent): Promise<Response | undefined> {
	const path = event.url.pathname;
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
	if (isConsolePath(path)) {
		event.locals.organizer = await organizerOfSession(event);
		if (event.locals.organizer || isSignIn(event)) return undefined;
		if (path === CONSOLE_PATH && event.request.method === 'GET') return undefined; // shows the sign-in form
		if (event.request.method === 'GET' || event.request.method === 'HEAD') {
			return new Response(null, { status: 303, headers: { location: CONSOLE_PATH, 'cache-control': 'no-store' } });
		}
		return new Response('Sign in first.', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return undefined;
}
