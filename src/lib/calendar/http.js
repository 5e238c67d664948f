// @ts-check
// Plain JavaScript: the route uses it, and so does src/bin/serve.js, which serves the prerendered
// files itself (adapter-node's static server would give them no charset and no file name).

import languages from '../i18n/languages.json' with { type: 'json' };

const LANGUAGE_CODES = new Set(languages.map((language) => language.code));
const CALENDAR_PATH = /^\/([^/]+)\/calendar\.ics$/;

/**
 * The headers of a language's .ics file.
 * @param {string} lang
 * @returns {Record<string, string>}
 */
export function calendarHeaders(lang) {
	return {
		'content-type': 'text/calendar; charset=utf-8',
		'content-disposition': `attachment; filename="imrf-side-event-${lang}.ics"`
	};
}

/**
 * The headers for a request path, if it is a calendar file.
 * @param {string} pathname
 * @returns {Record<string, string> | undefined}
 */
export function calendarHeadersForPath(pathname) {
	const lang = CALENDAR_PATH.exec(pathname)?.[1];
	return lang && LANGUAGE_CODES.has(lang) ? calendarHeaders(lang) : undefined;
}
