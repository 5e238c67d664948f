import type { CalendarEntry } from './entry';

export type CalendarService = 'google' | 'outlookCom' | 'office365' | 'yahoo';

/** 20220518T173000Z: UTC, so the link means the same instant whatever the account's zone. */
export function compactUtc(instant: Date): string {
	return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** 2022-05-18T17:30:00Z, the form Outlook's compose page reads. */
function isoUtc(instant: Date): string {
	return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

// %20, not URLSearchParams' `+`: Outlook's compose page shows a `+` for each space. `/` and `:`
// are legal in a query and stay readable (Google's `dates=…Z/…Z` is documented with a bare slash).
function withQuery(base: string, query: Record<string, string>): string {
	const encoded = new URLSearchParams(query).toString().replace(/\+/g, '%20').replace(/%2F/g, '/').replace(/%3A/g, ':');
	return `${base}?${encoded}`;
}

function outlook(host: string, entry: CalendarEntry): string {
	return withQuery(`https://${host}/calendar/0/action/compose`, {
		path: '/calendar/action/compose',
		rru: 'addevent',
		subject: entry.summary,
		startdt: isoUtc(entry.start),
		enddt: isoUtc(entry.end),
		body: entry.briefDescription,
		location: entry.location
	});
}

/** "Add to calendar" pages of the web calendars, filled from the same entry as the .ics file. */
export function serviceLinks(entry: CalendarEntry): Record<CalendarService, string> {
	return {
		google: withQuery('https://calendar.google.com/calendar/render', {
			action: 'TEMPLATE',
			text: entry.summary,
			dates: `${compactUtc(entry.start)}/${compactUtc(entry.end)}`,
			details: entry.briefDescription,
			location: entry.location
		}),
		outlookCom: outlook('outlook.live.com', entry),
		office365: outlook('outlook.office.com', entry),
		yahoo: withQuery('https://calendar.yahoo.com/', {
			v: '60',
			title: entry.summary,
			st: compactUtc(entry.start),
			et: compactUtc(entry.end),
			desc: entry.briefDescription,
			in_loc: entry.location
		})
	};
}
