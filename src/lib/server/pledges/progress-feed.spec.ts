import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatDay } from '$lib/i18n/format';
import { translatorFor } from '$lib/event/translator';
import type { ProgressEvent } from './progress';
import { progressFeed } from './progress-feed';

const origin = 'https://example.org';
const t = { en: await translatorFor('en'), fr: await translatorFor('fr') };
const pledge = { id: '6f1c1f5e-3c1a-4c1e-9a1e-2b1f0c1d2e3f', government: 'Kampala Capital City Authority', country: 'UG', title: 'Language classes & <b>welcome</b>' };
const events: ProgressEvent[] = [
	{ kind: 'note', key: 'note-1', at: '2026-03-02T10:00:00.000Z', pledge, note: { id: '1', date: '2026-03-01', text: 'Two desks open.\n<script>alert(1)</script>', createdAt: '2026-03-02T10:00:00.000Z', author: 'organizers' } },
	{ kind: 'status', key: 'status-7', at: '2026-02-01T10:00:00.000Z', pledge, status: 'in-progress', reportedBy: 'City of Kampala' },
	{ kind: 'recorded', key: 'recorded', at: '2022-05-18T17:40:00.000Z', pledge }
];
const subject = { title: 'Progress', selfPath: '/en/pledges/feed.xml', pagePath: '/en/pledges', updatedAt: '2026-03-02T10:00:00.000Z' };

interface AtomEntry {
	id: string;
	title: { '#text': string; '@_type': string };
	updated: string;
	link: { '@_href': string };
	content: { '#text': string; '@_type': string };
	author?: { name: string };
}

interface AtomFeed {
	'@_xmlns': string;
	id: string;
	title: string;
	updated: string;
	author: { name: string };
	link: { '@_rel': string; '@_href': string }[];
	entry: AtomEntry[];
}

/** The feed read back by an independent parser, as a feed reader would. */
function parse(xml: string): AtomFeed {
	expect(XMLValidator.validate(xml)).toBe(true);
	const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' });
	const feed = parser.parse(xml).feed;
	return { ...feed, entry: (feed.entry ?? []).map((entry: AtomEntry & { link: AtomEntry['link'][] }) => ({ ...entry, link: entry.link[0] })) as AtomEntry[] };
}
/** What a reader shows of an element of type html: its markup read as HTML, entities decoded. */
const shownText = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('the Atom feed of progress', () => {
	it('has what RFC 4287 requires of a feed: the Atom namespace, an id, a title, an updated date, an author and a self link', () => {
		const feed = parse(progressFeed(events, subject, { lang: 'en', t: t.en, origin }));
		expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
		expect(feed.id).toBe(`${origin}${subject.selfPath}`);
		expect(feed.title).toBe(subject.title);
		expect(feed.updated).toBe(events[0].at);
		expect(feed.author.name).toBe(t.en('common:siteName'));
		expect(feed.link).toContainEqual({ '@_rel': 'self', '@_href': `${origin}${subject.selfPath}` });
	});

	it('gives each event an entry with a stable id, a title, its time and a link to the pledge’s page, newest first', () => {
		const first = parse(progressFeed(events, subject, { lang: 'en', t: t.en, origin })).entry;
		const again = parse(progressFeed(events.slice(1), subject, { lang: 'en', t: t.en, origin })).entry;
		expect(first.map((entry) => entry.updated)).toEqual(events.map((event) => event.at));
		expect(new Set(first.map((entry) => entry.id)).size).toBe(events.length);
		expect(again.map((entry) => entry.id)).toEqual(first.slice(1).map((entry) => entry.id));
		for (const entry of first) {
			expect(entry.link['@_href']).toBe(`${origin}/en/pledges/${pledge.id}`);
			expect(entry.title['#text']).not.toBe('');
		}
	});

	it('says what happened in the feed’s language: a note with its day, a status, a pledge recorded', () => {
		for (const lang of ['en', 'fr'] as const) {
			const [note, status, recorded] = parse(progressFeed(events, subject, { lang, t: t[lang], origin })).entry.map((entry) => shownText(entry.title['#text']));
			const words = { title: pledge.title, government: pledge.government };
			expect(note).toBe(t[lang]('follow:feed.entry.note', { ...words, date: formatDay('2026-03-01', lang) }));
			expect(status).toBe(t[lang]('follow:feed.entry.status', { ...words, status: t[lang]('pledges:statuses.in-progress') }));
			expect(recorded).toBe(t[lang]('follow:feed.entry.recorded', words));
		}
	});

	it('escapes every text from people, so that readers show markup as typed and never run it', () => {
		const [note] = parse(progressFeed(events, subject, { lang: 'en', t: t.en, origin })).entry;
		expect(note.content['@_type']).toBe('html');
		expect(note.content['#text']).not.toMatch(/<script|<b>/);
		expect(shownText(note.content['#text'])).toContain('<script>alert(1)</script>');
		expect(shownText(note.title['#text'])).toContain(pledge.title);
	});

	it('names who reported an event when it is known, and leaves the organizers’ to the feed’s author', () => {
		const [note, status] = parse(progressFeed(events, subject, { lang: 'en', t: t.en, origin })).entry;
		expect(status.author?.name).toBe('City of Kampala');
		expect(note.author).toBeUndefined();
	});

	it('stays well-formed XML when a text holds characters XML forbids', () => {
		const odd = { ...events[0], note: { ...(events[0] as Extract<ProgressEvent, { kind: 'note' }>).note, text: 'bell \u0007 and ]]> end' } } as ProgressEvent;
		const [entry] = parse(progressFeed([odd], subject, { lang: 'en', t: t.en, origin })).entry;
		expect(shownText(entry.content['#text'])).toContain('bell  and ]]> end');
	});

	it('is dated by the ledger’s last change when it has no entry', () => {
		const feed = parse(progressFeed([], subject, { lang: 'en', t: t.en, origin }));
		expect(feed.updated).toBe(subject.updatedAt);
		expect(feed.entry).toEqual([]);
	});
});
