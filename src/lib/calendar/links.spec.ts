import { describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { LANGUAGES } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { subscriptionUrl } from './address';
import { calendarEntry } from './entry';
import { serviceLinks, type CalendarService } from './links';

/** 20220518T173000Z → the instant it names. */
function fromCompact(value: string): Date {
	const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
	if (!match) throw new Error(`not a UTC date-time: ${value}`);
	const [, year, month, day, hour, minute, second] = match.map(Number);
	return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}

/** Start and end as each service reads them back from its link. */
const instantsOf: Record<CalendarService, (params: URLSearchParams) => [Date, Date]> = {
	google: (params) => {
		const [start, end] = (params.get('dates') ?? '').split('/');
		return [fromCompact(start), fromCompact(end)];
	},
	outlookCom: (params) => {
		expect(params.get('startdt')).toMatch(/Z$/);
		return [new Date(params.get('startdt') ?? ''), new Date(params.get('enddt') ?? '')];
	},
	office365: (params) => instantsOf.outlookCom(params),
	yahoo: (params) => [fromCompact(params.get('st') ?? ''), fromCompact(params.get('et') ?? '')]
};

const hosts: Record<CalendarService, string> = {
	google: 'calendar.google.com',
	outlookCom: 'outlook.live.com',
	office365: 'outlook.office.com',
	yahoo: 'calendar.yahoo.com'
};

for (const lang of LANGUAGES) {
	describe(`service links (${lang})`, async () => {
		const t = await translatorFor(lang);
		const entry = calendarEntry(lang, t);
		const links = serviceLinks(entry);

		for (const service of Object.keys(hosts) as CalendarService[]) {
			it(`${service} decodes to 17:30Z–18:30Z, the event's instants`, () => {
				const url = new URL(links[service]);
				expect(url.protocol).toBe('https:');
				expect(url.hostname).toBe(hosts[service]);
				const [start, end] = instantsOf[service](url.searchParams);
				expect(start.toISOString()).toBe(event.start.toISOString());
				expect(end.toISOString()).toBe(event.end.toISOString());
			});

			it(`${service} stays under 2,000 characters and carries the title and place`, () => {
				expect(links[service].length).toBeLessThan(2000);
				const values = [...new URL(links[service]).searchParams.values()];
				expect(values).toContain(entry.summary);
				expect(values).toContain(entry.location);
				expect(links[service]).not.toContain('+');
			});
		}

		it('subscribes over webcal:// to the same file', () => {
			expect(subscriptionUrl(lang)).toMatch(new RegExp(`^webcal://[^/]+/${lang}/calendar\\.ics$`));
		});
	});
}
