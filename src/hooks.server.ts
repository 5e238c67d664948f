import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { DEFAULT_LANGUAGE, languageOfPath } from '$lib/i18n/languages';
import { guard } from '$lib/server/organizers/guard';
import { openSite, type Site } from '$lib/server/site';
import { storeUnavailableResponse, unavailableAs503 } from '$lib/server/store/unavailable-as-503';
import { publishNodeStreamEndpoint } from '$lib/server/stream';

const unavailable = (url: URL) => storeUnavailableResponse(url.pathname.startsWith('/api/'));

export const handle: Handle = async ({ event, resolve }) => {
	// Prerendering needs no store; every request to the running server gets the site's parts.
	if (!building) {
		let site: Site;
		try {
			site = await openSite();
		} catch (error) {
			console.error('store unavailable:', (error as Error).message);
			return unavailable(event.url);
		}
		event.locals.site = site;
		event.locals.store = unavailableAs503(site.store);
	}
	let refused: Response | undefined;
	try {
		refused = await guard(event);
	} catch (error) {
		// The guard's look-up could not reach the store: 503, as every store fault (unavailable-as-503.ts).
		if ((error as { status?: number }).status === 503) return unavailable(event.url);
		throw error;
	}
	if (refused) return refused;
	// `<html lang>` from the page's language (also while prerendering); the console sets its own.
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', languageOfPath(event.url.pathname) ?? event.locals.lang ?? DEFAULT_LANGUAGE)
	});
};

/** At startup, open the store and hand src/bin/serve.js the pledge stream's raw-response endpoint (none while prerendering). */
export const init: ServerInit = async () => {
	if (building) return;
	publishNodeStreamEndpoint();
	// Opened now so the first visitor does not wait; a store that is down is tried again per request.
	await openSite().catch((error) => console.error('store unavailable at start:', (error as Error).message));
};
