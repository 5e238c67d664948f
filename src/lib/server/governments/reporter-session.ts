import { error, type Cookies, type RequestEvent } from '@sveltejs/kit';
import { isReading } from '../http/method.ts';
import type { Reporter } from './types.ts';

export const REPORTER_SESSION_COOKIE = 'reporter_session';
export const REPORTER_DEVICE_COOKIE = 'reporter_device';
/** The reporters' area in every language: `/{lang}/report`. */
const AREA_ROUTE = '/[lang=lang]/report';
/** Pages a stranger may open and post: the sign-in, and an invitation's. */
const OPEN_ROUTES = new Set([`${AREA_ROUTE}/sign-in`, `${AREA_ROUTE}/invitation/[token]`]);

// Browsers accept Secure cookies on plain-HTTP localhost only; everywhere else the site is served over HTTPS.
const isLocal = (url: URL) => url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
// The area lives under each language's path: the cookies cover the site, as strict as the console's otherwise.
const cookieOptions = (url: URL) => ({ path: '/', httpOnly: true, sameSite: 'strict' as const, secure: !isLocal(url) });

export function setReporterSession(cookies: Cookies, url: URL, id: string, expiresAt: Date): void {
	cookies.set(REPORTER_SESSION_COOKIE, id, { ...cookieOptions(url), expires: expiresAt });
}

export function clearReporterSession(cookies: Cookies, url: URL): void {
	cookies.delete(REPORTER_SESSION_COOKIE, cookieOptions(url));
}

export function setReporterDevice(cookies: Cookies, url: URL, value: string): void {
	cookies.set(REPORTER_DEVICE_COOKIE, value, { ...cookieOptions(url), maxAge: 365 * 86_400 });
}

const isAreaRoute = (routeId: string | null) => routeId === AREA_ROUTE || Boolean(routeId?.startsWith(`${AREA_ROUTE}/`));

/**
 * Who may open the reporters' area, decided on the matched route for every page and form action:
 * sets `locals.reporter` from a live session; a stranger is sent to the sign-in (reading) or refused
 * (posting). Each load and action asks for `locals.reporter` again (requireReporter).
 */
export async function reporterGuard(event: RequestEvent): Promise<Response | undefined> {
	if (!isAreaRoute(event.route.id)) return undefined;
	const id = event.cookies.get(REPORTER_SESSION_COOKIE);
	event.locals.reporter = id ? await event.locals.store.reporters.sessions.reporterOf(id) : undefined;
	if (event.locals.reporter || OPEN_ROUTES.has(event.route.id ?? '')) return undefined;
	const headers = { 'cache-control': 'no-store' };
	if (isReading(event.request)) return new Response(null, { status: 303, headers: { ...headers, location: `/${event.params.lang}/report/sign-in` } });
	return new Response('Sign in first.', { status: 403, headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' } });
}

/** The signed-in reporter, or a refusal: a route the guard missed still acts for nobody. */
export function requireReporter(event: Pick<RequestEvent, 'locals'>): Reporter {
	const reporter = event.locals.reporter;
	if (!reporter) error(403, 'Sign in first.');
	return reporter;
}
