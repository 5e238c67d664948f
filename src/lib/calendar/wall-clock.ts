import type { ICalDayJsStub } from 'ical-generator';

/**
 * An instant as ical-generator's Day.js-shaped date, whose wall-clock fields come from Intl in a
 * named zone. A native Date combined with an event `timezone` is read in the *server's* local time
 * by ical-generator (getHours()), so the same build would give other times under another TZ; this
 * never looks at the process zone.
 */
export function wallClock(instant: Date, timeZone = 'UTC'): ICalDayJsStub {
	const fields = () =>
		Object.fromEntries(
			new Intl.DateTimeFormat('en-US', {
				year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
				hourCycle: 'h23', timeZone
			})
				.formatToParts(instant)
				.map((part) => [part.type, part.value])
		);
	return {
		// ical-generator asks only for these two patterns.
		format(pattern = 'YYYYMMDDTHHmmss') {
			const { year, month, day, hour, minute, second } = fields();
			return pattern.replace('YYYY', year).replace('MM', month).replace('DD', day).replace('HH', hour).replace('mm', minute).replace('ss', second);
		},
		isValid: () => !Number.isNaN(instant.getTime()),
		toDate: () => new Date(instant),
		toJSON: () => instant.toISOString(),
		tz: (zone?: string) => wallClock(instant, zone ?? timeZone),
		utc: () => wallClock(instant, 'UTC')
	};
}
