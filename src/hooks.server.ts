import type { Handle, HandleServerError, RequestEvent, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { env } from '$env/dynamic/private';
import { DEFAULT_LANGUAGE, LANGUAGE_COOKIE, languageOfPath, negotiateLanguage, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { loadIslandNames } from '$lib/islands/registry';
import { guardApiWrite } from '$lib/server/http/api-guard';
import { isApiRoute, isUnknownApiAddress } from '$lib/server/http/api-route';
import { apiError } from '$lib/server/http/api-error';
import { refusedCrossSiteForm } from '$lib/server/http/cross-site';
import { allowFraming, mayBeFramed } from '$lib/server/http/framing';
import { jsonError } from '$lib/server/http/json';
import { reporterGuard } from '$lib/server/governments/reporter-session';
import { logger } from '$lib/server/log/logger';
import { areMetricsOn, recordStoreFault, recordWrite } from '$lib/server/metrics/registry';
import { guard } from '$lib/server/organizers/guard';
import { insertKeptMarkup } from '$lib/server/pledges/kept-markup';
import { answerKeptUnderServe } from '$lib/server/pledges/kept-on-node';
import { ledgerServedPage } from '$lib/server/pledges/served-pages';
import { readinessResponse } from '$lib/server/readiness';
import { openSite } from '$lib/server/site';
import { isPostgresUrl } from '$lib/server/store/open';
import { isStoreFault } from '$lib/server/store/store-faults';

const requestLanguage = (event: RequestEvent): Language =>
	languageOfPath(event.url.pathname) ?? event.locals.lang ?? negotiateLanguage(event.cookies.get(LANGUAGE_COOKIE), event.request.headers.get('accept-language'));

/** A store fault answers 503 (nothing was stored; try again), JSON for the API, the error page otherwise. */
async function storeUnavailable(event: RequestEvent, rendered?: Response): Promise<Response> {
	const headers = { 'retry-after': '5', 'cache-control': 'no-store' };
	const t = await translatorFor(requestLanguage(event));
	if (isApiRoute(event.route.id) || !rendered) return jsonError(503, 'store-unavailable', t('common:api.storeUnavailable'), headers);
	const response = new Response(rendered.body, { status: 503, headers: rendered.headers });
	for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
	return response;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Writes timed for /metrics, by route and method (never by the URL itself: ids would make a series each); not with METRICS=off. */
export const handle: Handle = async ({ event, resolve }) => {
	if (READS.has(event.request.method) || !areMetricsOn) return answer({ event, resolve });
	const started = performance.now();
	try {
		return await answer({ event, resolve });
	} finally {
		recordWrite(`${event.request.method} ${event.route.id ?? 'unknown'}`, (performance.now() - started) / 1000);
	}
};

const answer: Handle = async ({ event, resolve }) => {
	// Before the store is awaited: readiness answers at once, ready or not.
	if (event.url.pathname === '/readyz' && !building) return readinessResponse();
	// A page's data alone (`…/__data.json`) is for SvelteKit's client router, which no page runs (csr = false): not
	// an address of the site (it would run a page's load outside the bound on renderings, and came under the page's
	// own route and address).
	if (event.isDataRequest && !building) return apiError(event.request, 404, 'not-found', 'common:api.notFound');
	try {
		// Every request to the running server gets the store (prerendering needs none).
		if (!building) {
			event.locals.store = (await openSite()).store;
		}
		// The API's writes first: a form body to the API is answered in JSON, not as a cross-site form.
		const refused = (await guardApiWrite(event)) ?? refusedCrossSiteForm(event) ?? (await guard(event)) ?? (await reporterGuard(event));
		if (refused) return refused;
		if (isUnknownApiAddress(event.route.id, event.url.pathname)) return apiError(event.request, 404, 'not-found', 'common:api.notFound');
		// `<html lang>` from the page's language (also while prerendering); the console sets its own.
		// Its headers final when it is rendered: a kept page is sent as kept, by the route or on Node's request (kept-on-node.ts).
		const render = async () =>
			finished(
				event,
				await resolve(event, {
					transformPageChunk: ({ html }) => insertKeptMarkup(html.replace('%lang%', languageOfPath(event.url.pathname) ?? event.locals.lang ?? DEFAULT_LANGUAGE), event.locals.keptMarkup)
				})
			);
		// The public list and the pledges' pages change only with the ledger: served from what was rendered for its version.
		const served = event.request.method === 'GET' && !building ? ledgerServedPage(event.route.id) : undefined;
		const response = served ? await served(event, render) : await render();
		// Again for what the route answers without rendering (a 503 when overloaded): the same for every answer.
		return finished(event, event.locals.storeFault ? await storeUnavailable(event, response) : response);
	} catch (error) {
		if (isStoreFault(error)) {
			recordStoreFault();
			logger.error({ id: event.request.headers.get('x-request-id'), error: (error as Error).message }, 'store fault');
			return storeUnavailable(event);
		}
		throw error;
	}
};

/**
 * SvelteKit sends rendered pages as bare `text/html`: name the encoding, as the prerendered files'
 * server does. Not while prerendering: the prerenderer knows a page by that exact type.
 */
function withCharset(response: Response): Response {
	if (!building && response.headers.get('content-type') === 'text/html') response.headers.set('content-type', 'text/html; charset=utf-8');
	return response;
}

const finished = (event: RequestEvent, response: Response) => withFraming(event, withCharset(response));

/** Partner sites frame the embeddable counter; every other page keeps forbidding framing. */
function withFraming(event: RequestEvent, response: Response): Response {
	if (!mayBeFramed(event.url.pathname)) return response;
	const policy = response.headers.get('content-security-policy');
	if (policy) response.headers.set('content-security-policy', allowFraming(policy));
	return response;
}

export const handleError: HandleServerError = ({ error, event, message, status }) => {
	if (!isStoreFault(error)) {
		// An unknown address (404) or a refused method (405) is the visitor's, not a fault of the site: in the request's
		// log line already (its path, secrets masked, which the error's message would not be), with no stack.
		if (status >= 500) logger.error({ id: event.request.headers.get('x-request-id'), route: event.route.id, error: error instanceof Error ? error.stack : String(error) }, 'error');
		return { message };
	}
	recordStoreFault();
	logger.error({ id: event.request.headers.get('x-request-id'), error: error instanceof Error ? error.message : String(error) }, 'store fault');
	event.locals.storeFault = true;
	return { message: 'Service Unavailable', isStoreUnavailable: true };
};

/**
 * At startup: assemble the site (src/lib/server/site.ts). A SQLite file that cannot be opened stops the server with its reason
 * (src/bin/serve.js prints it); a PostgreSQL that is not reachable yet is tried again on each
 * request, pages that need no store answering meanwhile.
 */
export const init: ServerInit = async () => {
	// Island.svelte names the islands a page renders, prerendered ones included.
	await loadIslandNames();
	if (building) return;
	answerKeptUnderServe();
	try {
		await openSite();
	} catch (error) {
		if (!isPostgresUrl(env.DATABASE_URL)) throw error;
		console.error(`The store is unavailable at start: ${(error as Error).message}`);
	}
};
