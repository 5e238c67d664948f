// @ts-check
// Plain JavaScript: the route uses it, and so does src/bin/serve.js, which serves the prerendered
// files itself (adapter-node's static server would give them no charset and no file name).

const CALENDAR_PATH = /^\/(en|fr)\/calendar\.ics$/;

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
	const match = CALENDAR_PATH.exec(pathname);
	return match ? calendarHeaders(match[1]) : undefined;
}
