import { error, type RequestEvent } from '@sveltejs/kit';
import type { Organizer } from '$lib/server/organizers/accounts';
import { apiError } from './api-error';
import { isApiRoute } from './api-route';
import { checkBearer, type BearerRole } from './bearer';
import { jsonOnlyResponse, readJsonBody } from './body';
import { isFormBody } from './content-type';
import { isFromAnotherSite } from './cross-site';
import { isReading } from './method';

type Access = { kind: 'public'; crossSiteMessage: string } | { kind: 'bearer'; roles: readonly [BearerRole, ...BearerRole[]] };

const QUESTIONS_WRITE: Access = { kind: 'public', crossSiteMessage: 'questions:errors.crossSite' };

/**
 * Who may write to the API, by method and matched route (never by the URL's spelling). Anyone may
 * ask and vote, from this site's pages only; a captioner's token posts captions; every other write takes an organizer's token, a
 * route not listed here included: a new write route is closed until it is opened here.
 */
const WRITE_ACCESS: Record<string, Access> = {
	'POST /api/captions': { kind: 'bearer', roles: ['captioner', 'organizer'] },
	'POST /api/questions': QUESTIONS_WRITE,
	'POST /api/questions/[id]/vote': QUESTIONS_WRITE,
	'DELETE /api/questions/[id]/vote': QUESTIONS_WRITE
};
const ORGANIZERS_ONLY: Access = { kind: 'bearer', roles: ['organizer'] };

export function accessOfWrite(method: string, routeId: string | null): Access {
	return WRITE_ACCESS[`${method} ${routeId}`] ?? ORGANIZERS_ONLY;
}

/**
 * The guard of every API write, run in `handle` once the route is known. A form or text body is
 * refused (415: the API takes JSON, and this is what another site's page could send unasked); a
 * public write from another site's page is refused (403, in the language its body names); a write
 * that takes a token is refused without a valid one, and sets `locals.organizer` (or `locals.captioner`) with one.
 * Undefined: let the request through.
 */
export async function guardApiWrite(event: RequestEvent): Promise<Response | undefined> {
	const { request, url } = event;
	if (!isApiRoute(event.route.id) || isReading(request)) return undefined;
	if (isFormBody(request)) return jsonOnlyResponse(request);
	const access = accessOfWrite(request.method, event.route.id);
	if (access.kind === 'public') {
		if (!isFromAnotherSite(request, url)) return undefined;
		const body = await readJsonBody(request);
		return apiError(request, 403, 'cross-site', access.crossSiteMessage, { body: body.ok ? body.value : undefined });
	}
	const bearer = await checkBearer(event, access.roles);
	if (!bearer.ok) return bearer.response;
	if (bearer.role === 'organizer') event.locals.organizer = bearer.organizer;
	else event.locals.captioner = bearer.captioner;
	return undefined;
}

/** The organizer the guard let through; a handler reached without one refuses rather than act for nobody. */
export function guardedOrganizer(locals: App.Locals): Organizer {
	if (!locals.organizer) error(401, 'unauthorized');
	return locals.organizer;
}
