import type { Handle, ServerInit } from '@sveltejs/kit';
import { building } from '$app/environment';
import { DEFAULT_LANGUAGE, languageOfPath } from '$lib/i18n/languages';
import { guard } from '$lib/server/organizers/guard';
import { publishNodeStreamEndpoint } from '$lib/server/stream';

export const handle: Handle = async ({ event, resolve }) => {
	const refused = guard(event);
	if (refused) return refused;
	// `<html lang>` from the page's language (also while prerendering); the console sets its own.
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', languageOfPath(event.url.pathname) ?? event.locals.lang ?? DEFAULT_LANGUAGE)
	});
	return withCharset(response);
};

/**
 * SvelteKit sends rendered pages as bare `text/html`: name the encoding, as the prerendered files'
 * server does. Not while prerendering: the prerenderer knows a page by that exact type.
 */
function withCharset(response: Response): Response {
	if (!building && response.headers.get('content-type') === 'text/html') response.headers.set('content-type', 'text/html; charset=utf-8');
	return response;
}

/** At startup, hand src/bin/serve.js the pledge stream's raw-response endpoint (none while prerendering). */
export const init: ServerInit = () => {
	if (!building) publishNodeStreamEndpoint();
};
