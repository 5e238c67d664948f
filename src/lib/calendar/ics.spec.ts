import { execFile } from 'node:child_process';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { convertIcsCalendar } from 'ts-ics';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { event as facts } from '$lib/event/event';
import { countryName, formatTimeRange, isoInZone } from '$lib/i18n/format';
import { LANGUAGES, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { calendarEntry } from './entry';
import { icsFile } from './ics';

async function generate(lang: Language): Promise<string> {
	const t = await translatorFor(lang);
	return icsFile(calendarEntry(lang, t), t);
}

/** Parsed by ical.js (not the generator), with the file's own VTIMEZONE blocks as the only zone data. */
function parse(text: string) {
	const calendar = new ICAL.Component(ICAL.parse(text));
	for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
	const vevent = calendar.getFirstSubcomponent('vevent');
	if (!vevent) throw new Error('no VEVENT');
	return { calendar, vevent, event: new ICAL.Event(vevent) };
}

const octets = (line: string) => new TextEncoder().encode(line).length;
// A calendar's plain text has ordinary spaces where pages keep names on one line.
const plain = (text: string) => text.replace(/\u00a0/g, ' ');
const spacesMerged = (text: string) => text.replace(/\s+/g, ' ');
const originalZone = process.env.TZ;
// Set when this file runs again in a child process started with its own TZ (see the end).
const isChild = process.env.CALENDAR_TZ_CHILD === '1';

// Node re-reads TZ when it is assigned, so one test process runs the generator under several zones;
// each block first checks that the zone really changed. A child keeps the zone it was started with.
for (const zone of isChild ? [process.env.TZ ?? 'UTC'] : ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
	describe(`the .ics file generated with TZ=${zone}`, () => {
		it('runs in that zone', () => {
			process.env.TZ = zone;
			expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone);
		});

		for (const lang of LANGUAGES) {
			it(`starts and ends at the event's instants, in its zone (${lang})`, async () => {
				process.env.TZ = zone;
				const { event, vevent } = parse(await generate(lang));
				expect(event.startDate.toJSDate().toISOString()).toBe(facts.start.toISOString());
				expect(event.endDate.toJSDate().toISOString()).toBe(facts.end.toISOString());
				expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(facts.timeZone);
				// The wall-clock time in the event's zone, without its offset (YYYY-MM-DDTHH:MM:SS).
				expect(event.startDate.toString()).toBe(isoInZone(facts.start, facts.timeZone).slice(0, 19));
			});
		}
	});
}

afterAll(() => {
	if (originalZone === undefined) delete process.env.TZ;
	else process.env.TZ = originalZone;
});

describe('the .ics file', () => {
	for (const lang of LANGUAGES) {
		it(`ends every line with CRLF, the last one included (${lang})`, async () => {
			const text = await generate(lang);
			expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
			expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		});

		it(`folds lines at 75 octets, never inside a character (${lang})`, async () => {
			const text = await generate(lang);
			for (const line of text.split('\r\n')) expect(octets(line), line).toBeLessThanOrEqual(75);
			expect(text).not.toContain('\uFFFD');
		});

		it(`has a VTIMEZONE for every TZID it uses (${lang})`, async () => {
			const text = await generate(lang);
			const used = new Set([...text.matchAll(/;TZID=([^:;]+)/g)].map((match) => match[1]));
			const defined = new Set([...text.matchAll(/BEGIN:VTIMEZONE\r\nTZID:([^\r]+)/g)].map((match) => match[1]));
			expect(used.size).toBeGreaterThan(0);
			expect([...used].filter((tzid) => !defined.has(tzid))).toEqual([]);
		});

		it(`is a calendar to add, not an iTIP message: no METHOD, organizer or attendees, DTSTAMP in UTC (${lang})`, async () => {
			const { calendar, vevent } = parse(await generate(lang));
			// RFC 5546 makes METHOD:PUBLISH require exactly one ORGANIZER, which makes Outlook ask to accept.
			expect(calendar.hasProperty('method')).toBe(false);
			expect(vevent.hasProperty('organizer')).toBe(false);
			expect(vevent.hasProperty('attendee')).toBe(false);
			expect(await generate(lang)).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
			expect(vevent.getFirstPropertyValue('sequence')).toBeTypeOf('number');
		});

		it(`has a reminder, the venue with its coordinates and the page URL (${lang})`, async () => {
			const { vevent } = parse(await generate(lang));
			const alarm = vevent.getFirstSubcomponent('valarm');
			expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
			expect(String(alarm?.getFirstPropertyValue('trigger'))).toBe('-PT15M');
			expect(vevent.getFirstPropertyValue('geo')).toEqual([facts.venue.geo.lat, facts.venue.geo.lon]);
			expect(String(vevent.getFirstPropertyValue('location'))).toContain(facts.venue.address.street);
			expect(String(vevent.getFirstPropertyValue('url'))).toMatch(new RegExp(`/${lang}/$`));
		});
	}

	for (const lang of LANGUAGES) {
		it(`reads the same in a second, independent parser (ts-ics) (${lang})`, async () => {
			const t = await translatorFor(lang);
			const entry = calendarEntry(lang, t);
			const calendar = convertIcsCalendar(undefined, await generate(lang));
			expect(calendar.version).toBe('2.0');
			expect(calendar.method).toBeUndefined();
			expect(calendar.events).toHaveLength(1);
			const [vevent] = calendar.events ?? [];
			expect(vevent.uid).toBe(entry.uid);
			expect(vevent.summary).toBe(entry.summary);
			expect(vevent.location).toBe(entry.location);
			expect(vevent.organizer).toBeUndefined();
			expect(vevent.attendees).toBeUndefined();
			expect(vevent.start.date.toISOString()).toBe(entry.start.toISOString());
			expect(vevent.start.local?.timezone).toBe(entry.timeZone);
			expect(vevent.end && 'date' in vevent.end ? vevent.end.date.toISOString() : undefined).toBe(entry.end.toISOString());
			expect(calendar.timezones?.map((zone) => zone.id)).toEqual([entry.timeZone]);
			expect(vevent.alarms?.[0]?.trigger).toMatchObject({ type: 'relative', value: { before: true, minutes: 15 } });
		});
	}

	it('escapes commas, semicolons, backslashes and line breaks so they come back as written', async () => {
		const t = await translatorFor('en');
		const tricky = 'a; b, c\\d\nnext line';
		const entry = { ...calendarEntry('en', t), summary: tricky, location: tricky, description: tricky };
		const { event } = parse(icsFile(entry, t));
		expect([event.summary, event.location, event.description]).toEqual([tricky, tricky, tricky]);
	});

	it('carries one UID for both languages, the same on every generation', async () => {
		const uids = await Promise.all([...LANGUAGES, ...LANGUAGES].map(async (lang) => parse(await generate(lang)).event.uid));
		expect(new Set(uids).size).toBe(1);
	});

	it('is byte-identical from one generation to the next', async () => {
		expect(await generate('fr')).toBe(await generate('fr'));
	});

	it('keeps French text intact, commas and semicolons unescaped in the parsed values', async () => {
		const t = await translatorFor('fr');
		const { address } = facts.venue;
		const { event } = parse(await generate('fr'));
		expect(event.summary).toBe(plain(t('event:fullTitle')));
		expect(event.location).toBe(
			plain(`${t('event:when.placeName')}, ${address.street}, ${address.locality}, ${address.region} ${address.postalCode}, ${countryName(address.country, 'fr')}`)
		);
		expect(event.description).toContain(plain(t('calendar:description.agenda')));
		expect(event.description).toContain(t('event:agenda.handover'));
	});

	it('describes the session in English: agenda in New York time, livestream and page', async () => {
		const t = await translatorFor('en');
		const [welcome] = facts.segments;
		const { event } = parse(await generate('en'));
		expect(event.description).toContain(t('event:agenda.welcome'));
		// A line of the agenda: the segment's times in New York, then its title.
		expect(event.description.split('\n').map(spacesMerged)).toContain(spacesMerged(`${formatTimeRange(welcome.start, welcome.end, 'en', facts.timeZone)} ${t('event:agenda.welcome')}`));
		const channels = new Intl.ListFormat('en', { type: 'conjunction' }).format(['en', 'fr', 'floor'].map((id) => t(`live:channel.${id}`)));
		expect(event.description).toContain(t('calendar:description.livestream', { channels, url: 'https://webtv.un.org/' }));
		// "Live captions": the words before the language.
		expect(event.description).not.toContain(t('calendar:description.captions', { language: '', url: '' }).split('(')[0].trim());
		expect(event.description).toContain(t('calendar:description.page', { url: calendarEntry('en', t).url }));
	});
});

describe.skipIf(isChild)('in a fresh process started under another TZ', () => {
	for (const zone of ['Asia/Tokyo', 'America/Los_Angeles']) {
		// Both zones at once; the child uses this run's PostgreSQL instead of starting a cluster of its own.
		it.concurrent(`every check of this file passes with TZ=${zone}`, async () => {
			const vitest = join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
			const env = { ...process.env, TZ: zone, CALENDAR_TZ_CHILD: '1', NO_COLOR: '1', FORCE_COLOR: '0', TEST_DATABASE_URL: inject('postgresUrl') };
			const child = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
				execFile(process.execPath, [vitest, 'run', '--reporter=verbose', 'src/lib/calendar/ics.spec.ts'], { cwd: process.cwd(), env, encoding: 'utf8', timeout: 170_000 }, (error, stdout, stderr) =>
					resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr })
				);
			});
			expect(child.status, `${child.stdout}\n${child.stderr}`).toBe(0);
			expect(child.stdout).toContain(`TZ=${zone} > starts and ends at the event's instants`);
			expect(child.stdout).toMatch(/Tests\s+\d+ passed/);
		}, 180_000);
	}
});
