import type { Handle } from '@sveltejs/kit';
import { DEFAULT_LANGUAGE, languageOfPath } from '$lib/i18n/languages';
import { guard } from '$lib/server/organizers/guard';

export const handle: Handle = async ({ event, resolve }) => {
	const refused = guard(event);
	if (refused) return refused;
	// `<html lang>` from the page's language (also while prerendering); the console sets its own.
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', languageOfPath(event.url.pathname) ?? event.locals.lang ?? DEFAULT_LANGUAGE)
	});
};
