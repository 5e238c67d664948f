import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { event } from './event';
import document from './event.json' with { type: 'json' };
import { isoInZone } from '$lib/i18n/format';
import { scheduleFingerprint } from './schedule-fingerprint';
import { checkEventDocument, parseEventDocument } from './schema';

/** A copy of the document with one change: the test's broken document. */
const broken = (change: (copy: Record<string, any>) => void) => {
	const copy = structuredClone(document) as Record<string, any>;
	change(copy);
	return copy;
};
const problems = (input: unknown) => checkEventDocument(input).issues.map((issue) => `${issue.path}: ${issue.message}`);

describe('the event document', () => {
	it('is valid, and gives the facts the site reads', () => {
		expect(problems(document)).toEqual([]);
		expect(parseEventDocument(document)).toEqual(event);
	});

	it('gives its instants as the instants it writes, with their offset', () => {
		expect(event.start.getTime()).toBe(Date.parse(document.start));
		expect(event.segments.map((segment) => segment.end.getTime())).toEqual(document.segments.map((segment) => Date.parse(segment.end)));
	});

	// Other events the tests build the site for (tests/fixture-builds.test.ts).
	for (const file of readdirSync('tests/fixtures').map((folder) => join('tests/fixtures', folder, 'event.json'))) {
		it(`${file}, another event, is valid too`, () => {
			expect(problems(JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
		});
	}
});

describe('a broken document is refused with the path of each problem', () => {
	const HOUR = 3_600_000;
	/** An instant as the document writes it: in the event's zone, with its offset. */
	const written = (instant: Date) => isoInZone(instant, event.timeZone);

	it('names a missing field', () => {
		expect(problems(broken((copy) => delete copy.venue.room))).toEqual([expect.stringMatching(/^venue\.room: /)]);
	});

	it('names an instant that is not one, by its place in a list', () => {
		expect(problems(broken((copy) => (copy.segments[0].start = 'tomorrow afternoon')))).toEqual([
			'segments[0].start: an instant with its offset, such as 2022-05-18T13:30:00-04:00'
		]);
	});

	it('names a field that the schema does not know (a typo)', () => {
		expect(problems(broken((copy) => (copy.speakers[0].nmae = 'Ada')))).toEqual(['speakers[0].nmae: is no field of this part of the document (misspelled?)']);
	});

	it('names a speaker or an organization that is not there', () => {
		const issues = problems(
			broken((copy) => {
				copy.segments[0].speakers.push({ speaker: 'nobody' });
				copy.partners.push('nowhere');
			})
		);
		expect(issues.sort()).toEqual([
			`partners[${document.partners.length}]: no organization "nowhere" in organizations`,
			`segments[0].speakers[${document.segments[0].speakers.length}].speaker: no speaker "nobody" in speakers`
		]);
	});

	it('names an instant written with the wrong offset for the zone', () => {
		const wrong = written(event.end).replace(/[+-]\d\d:\d\d$|Z$/, '+09:45');
		expect(problems(broken((copy) => (copy.end = wrong)))).toContainEqual(
			`end: is written with offset +09:45, but ${event.timeZone} is at ${written(new Date(wrong)).slice(-6)} then`
		);
	});

	it('takes Z for an offset of zero', () => {
		const inUtc = broken((copy) => {
			copy.timeZone = 'UTC';
			for (const part of [copy, ...copy.segments]) [part.start, part.end] = [new Date(part.start).toISOString(), new Date(part.end).toISOString()];
		});
		expect(problems(inUtc)).toEqual([]);
	});

	it('names segments that overlap or leave the event', () => {
		const [first, second] = document.segments;
		expect(problems(broken((copy) => (copy.segments[1].start = first.start)))).toEqual([`segments[1].start: comes before the end of "${first.id}": segments follow each other`]);
		expect(problems(broken((copy) => (copy.end = second.start)))).toContainEqual('segments[1]: lies outside the event (start to end)');
	});

	it('names an interpretation language the site does not have', () => {
		expect(problems(broken((copy) => copy.interpretation.push('zz')))).toEqual([expect.stringMatching(new RegExp(`^interpretation\\[${document.interpretation.length}\\]: "zz" is no language of the site`))]);
	});

	it('asks for a calendar revision, with the fingerprint to write, when the time moves', () => {
		const later = (instant: Date) => new Date(instant.getTime() + HOUR);
		const moved = broken((copy) => {
			copy.start = written(later(event.start));
			copy.end = written(later(event.end));
			copy.segments.forEach((segment: Record<string, string>, index: number) => {
				segment.start = written(later(event.segments[index].start));
				segment.end = written(later(event.segments[index].end));
			});
		});
		const fingerprint = scheduleFingerprint({ start: later(event.start), end: later(event.end), geo: event.venue.geo });
		const last = document.calendarRevisions.length - 1;
		expect(problems(moved)).toEqual([
			expect.stringContaining(`calendarRevisions[${last}].fingerprint: the time or place changed: add a revision { "sequence": ${last + 1}, `)
		]);
		expect(problems(moved)[0]).toContain(`"fingerprint": "${fingerprint}" }`);
	});

	it('names a public page listed twice', () => {
		expect(problems(broken((copy) => copy.pages.push({ ...copy.pages[0], id: 'again' })))).toEqual([
			`pages[${document.pages.length}].path: "${document.pages[0].path}" is listed twice`
		]);
	});

	it('throws one error that lists every problem under the document’s name', () => {
		expect(() => parseEventDocument(broken((copy) => (copy.hashtags = '#CitiesIMRF')), 'event.json')).toThrow(/^event\.json is not a valid event document:\n {2}hashtags: /);
	});
});
