import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { event } from './event';
import document from './event.json' with { type: 'json' };
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
	it('names a missing field', () => {
		expect(problems(broken((copy) => delete copy.venue.room))).toEqual([expect.stringMatching(/^venue\.room: /)]);
	});

	it('names an instant that is not one, by its place in a list', () => {
		expect(problems(broken((copy) => (copy.segments[1].start = 'tomorrow afternoon')))).toEqual([
			'segments[1].start: an instant with its offset, such as 2022-05-18T13:30:00-04:00'
		]);
	});

	it('names a field that the schema does not know (a typo)', () => {
		expect(problems(broken((copy) => (copy.speakers[2].nmae = 'Vittoria Zanuso')))).toContainEqual(expect.stringMatching(/^speakers\[2\]\.nmae: /));
	});

	it('names a speaker or an organization that is not there', () => {
		const issues = problems(
			broken((copy) => {
				copy.segments[0].speakers.push({ speaker: 'nobody' });
				copy.partners.push('nowhere');
			})
		);
		expect(issues.sort()).toEqual(['partners[2]: no organization "nowhere" in organizations', 'segments[0].speakers[3].speaker: no speaker "nobody" in speakers']);
	});

	it('names an instant written with the wrong offset for the zone', () => {
		expect(problems(broken((copy) => (copy.end = '2022-05-18T13:30:00-05:00')))).toContainEqual(
			'end: is written with offset -05:00, but America/New_York is at -04:00 then'
		);
	});

	it('names segments that overlap or leave the event', () => {
		const issues = problems(broken((copy) => (copy.segments[2].start = '2022-05-18T14:10:00-04:00')));
		expect(issues).toEqual(['segments[2].start: comes before the end of "panel": segments follow each other']);
		expect(problems(broken((copy) => (copy.segments[2].end = '2022-05-18T14:45:00-04:00')))).toEqual(['segments[2]: lies outside the event (start to end)']);
	});

	it('names an interpretation language the site does not have', () => {
		expect(problems(broken((copy) => copy.interpretation.push('de')))).toEqual([expect.stringMatching(/^interpretation\[2\]: "de" is no language of the site/)]);
	});

	it('asks for a calendar revision, with the fingerprint to write, when the time moves', () => {
		const moved = broken((copy) => {
			copy.start = '2022-05-18T14:30:00-04:00';
			copy.end = '2022-05-18T15:30:00-04:00';
			for (const segment of copy.segments) {
				segment.start = segment.start.replace(/T(\d\d)/, (_: string, hour: string) => `T${Number(hour) + 1}`);
				segment.end = segment.end.replace(/T(\d\d)/, (_: string, hour: string) => `T${Number(hour) + 1}`);
			}
		});
		expect(problems(moved)).toEqual([
			expect.stringMatching(/^calendarRevisions\[0\]\.fingerprint: the time or place changed: add a revision \{ "sequence": 1, .*"fingerprint": "2022-05-18T18:30:00\.000Z\/2022-05-18T19:30:00\.000Z@40\.7489,-73\.968" \}/)
		]);
	});

	it('names a public page listed twice', () => {
		expect(problems(broken((copy) => copy.pages.push({ ...copy.pages[1], id: 'again' })))).toEqual(['pages[4].path: "/live" is listed twice']);
	});

	it('throws one error that lists every problem under the document’s name', () => {
		expect(() => parseEventDocument(broken((copy) => (copy.hashtags = '#CitiesIMRF')), 'event.json')).toThrow(/^event\.json is not a valid event document:\n {2}hashtags: /);
	});
});
