import type { Handle } from '@sveltejs/kit';
import { DEFAULT_LANGUAGE, languageOfPath } from '$lib/i18n/languages';

/** `<html lang>` from the page's language (also while prerendering). */
export const handle: Handle = ({ event, resolve }) => {
	const lang = languageOfPath(event.url.pathname) ?? DEFAULT_LANGUAGE;
	return resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', lang) });
};
