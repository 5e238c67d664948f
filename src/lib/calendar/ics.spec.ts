import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { convertIcsCalendar } from 'ts-ics';
import { afterAll, describe, expect, it } from 'vitest';
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
			it(`starts at 17:30Z and ends at 18:30Z (${lang})`, async () => {
				process.env.TZ = zone;
				const { event, vevent } = parse(await generate(lang));
				expect(event.startDate.toJSDate().toISOString()).toBe('2022-05-18T17:30:00.000Z');
				expect(event.endDate.toJSDate().toISOString()).toBe('2022-05-18T18:30:00.000Z');
				expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('America/New_York');
				expect(event.startDate.toString()).toBe('2022-05-18T13:30:00');
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
			expect(vevent.getFirstPropertyValue('geo')).toEqual([40.7489, -73.968]);
			expect(String(vevent.getFirstPropertyValue('location'))).toContain('405 East 42nd Street')
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
		const { event } = parse(await generate('fr'));
		expect(event.summary).toBe('De Marrakech à New York\u202f: localiser les pactes mondiaux avec un Appel à l’action locale en faveur des migrants et des réfugiés');
		expect(event.location).toBe('Siège de l’Organisation des Nations Unies, salle 8, 405 East 42nd Street, New York, NY 10017, États-Unis');
		expect(event.description).toContain('Programme, heure de New York (EDT)\u202f:');
		expect(event.description).toContain('Remise des engagements');
	});

	it('describes the session in English: agenda in New York time, livestream and page', async () => {
		const { event } = parse(await generate('en'));
		expect(event.description).toContain('Welcome and introduction');
		expect(event.description).toMatch(/1:30\s?–\s?1:40\sPM\s+Welcome and introduction/);
		expect(event.description).toContain('Livestream (English, Français, and Floor (original)): https://webtv.un.org/');
		expect(event.description).not.toContain('Live captions');
		expect(event.description).toMatch(/Event page: https?:\/\/\S+\/en\//);
	});
});

describe.skipIf(isChild)('in a fresh process started under another TZ', () => {
	for (const zone of ['Asia/Tokyo', 'America/Los_Angeles']) {
		it(`every check of this file passes with TZ=${zone}`, () => {
			const vitest = join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
			const child = spawnSync(process.execPath, [vitest, 'run', '--reporter=verbose', 'src/lib/calendar/ics.spec.ts'], {
				cwd: process.cwd(),
				env: { ...process.env, TZ: zone, CALENDAR_TZ_CHILD: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
				encoding: 'utf8',
				timeout: 60_000
			});
			expect(child.status, `${child.stdout}\n${child.stderr}`).toBe(0);
			expect(child.stdout).toContain(`TZ=${zone} > starts at 17:30Z`);
			expect(child.stdout).toMatch(/Tests\s+\d+ passed/);
		}, 60_000);
	}
});
