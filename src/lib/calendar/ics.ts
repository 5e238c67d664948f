import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAlarmType } from 'ical-generator';
import type { Translator } from '$lib/i18n/translator';
import type { CalendarEntry } from './entry';
import { currentRevision } from './revision';
import { wallClock } from './wall-clock';

const REMINDER_SECONDS = 15 * 60;
const REFRESH_SECONDS = 24 * 60 * 60;

/** The entry as an iCalendar file (RFC 5545): one VEVENT, times in its zone with that zone's VTIMEZONE. */
export function icsFile(entry: CalendarEntry, t: Translator): string {
	const revision = currentRevision();
	const calendar = ical({
		prodId: { company: 'imrf-side-event', product: 'calendar', language: entry.lang.toUpperCase() },
		// No METHOD: a plain RFC 5545 object to add, not an iTIP message. METHOD:PUBLISH would require one
		// ORGANIZER (RFC 5546), and an ORGANIZER makes Outlook offer accept/decline (see README, Calendar).
		name: t('calendar:file.name'),
		url: entry.url,
		ttl: REFRESH_SECONDS,
		// A generator but no calendar-level zone name: a name would make DTSTAMP floating.
		timezone: { name: null, generator: getVtimezoneComponent }
	});
	calendar.createEvent({
		id: entry.uid,
		sequence: revision.sequence,
		stamp: revision.stamp,
		start: wallClock(entry.start),
		end: wallClock(entry.end),
		timezone: entry.timeZone,
		summary: entry.summary,
		description: entry.description,
		location: { title: entry.location, geo: entry.geo },
		url: entry.url,
		alarms: [{ type: ICalAlarmType.display, triggerBefore: REMINDER_SECONDS, description: t('calendar:alarm', { title: t('event:title') }) }]
	});
	// ical-generator ends without the CRLF that RFC 5545 puts after every line, END:VCALENDAR included.
	return `${calendar.toString()}\r\n`;
}
