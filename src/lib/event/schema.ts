import * as v from 'valibot';
import languages from '../i18n/languages.json' with { type: 'json' };
import { scheduleFingerprint } from './schedule-fingerprint.ts';

// What an event document (src/lib/event/event.json, or the one EVENT_DOCUMENT names) must hold.
// The build's Vite plugin (vite-plugin.ts) checks the document with it when it starts, hence relative
// imports only. The schema changes nothing but instants (written as text, read as Dates): event.ts
// does the same without it, so that no validator ships to browsers.

const id = v.pipe(v.string(), v.regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'an id: letters and digits, starting with a letter (it names words in locales/)'));
const text = v.pipe(v.string(), v.regex(/^\S(.*\S)?$/, 'text, not empty, without spaces around it'));
const webUrl = v.pipe(v.string(), v.check((value) => /^https?:\/\/[^\s/]+/.test(value) && URL.canParse(value), 'an http(s) address'));

/** An instant with its offset, as the event's zone writes it: 2022-05-18T13:30:00-04:00 (Z for UTC). */
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:\d\d)$/;
const instant = v.pipe(
	v.string(),
	v.check((value) => INSTANT.test(value) && !Number.isNaN(Date.parse(value)), 'an instant with its offset, such as 2022-05-18T13:30:00-04:00'),
	v.transform((value) => new Date(value))
);

const isTimeZone = (zone: string) => {
	try {
		new Intl.DateTimeFormat('en', { timeZone: zone });
		return zone.includes('/') || zone === 'UTC';
	} catch {
		return false;
	}
};

/**
 * A web address, the same for every language or per language code; a language without its own
 * takes the `default` one. Each can be overridden by a setting (PUBLIC_LINK_<ID>_<LANG>, see settings.ts).
 */
const localizedUrl = v.union([webUrl, v.objectWithRest({ default: webUrl }, webUrl)], 'an http(s) address, or { "default": address, "<lang>": address }');

const organization = v.strictObject({
	/** Its name lives under `event:organizations.<id>` in the locale files. */
	id,
	/** Its official home page, where its name links to, if anywhere. */
	homePage: v.optional(localizedUrl)
});

const speaker = v.strictObject({
	/** Its words (role) live under `event:speakers.roles.<id>` in the locale files. */
	id,
	honorific: v.picklist(['mr', 'ms'], '"mr" or "ms"'),
	name: text,
	organization: v.optional(id),
	/** ISO 3166-1 alpha-2 country of a local government, named per language by Intl. */
	country: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code, such as UG')))
});

const segment = v.strictObject({
	/** Its title lives under `event:agenda.<id>` in the locale files. */
	id,
	start: instant,
	end: instant,
	speakers: v.array(v.strictObject({ speaker: id, isModerator: v.optional(v.boolean()) }))
});

const venue = v.strictObject({
	/** The meeting room, as the venue numbers it. */
	room: text,
	geo: v.strictObject({ lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)), lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)) }),
	address: v.strictObject({ street: text, locality: text, region: text, postalCode: text, country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code')) })
});

/**
 * The calendar entry's revision. Calendars keep the copy with the highest SEQUENCE, so when the
 * session's time or place changes, add one (sequence + 1, the day of the change as `stamp`, the
 * new fingerprint): the check below names the fingerprint to write. Fixed data, never the build
 * time, so that every build gives byte-identical calendar files.
 */
const calendarRevision = v.strictObject({
	sequence: v.pipe(v.number(), v.integer(), v.minValue(0)),
	/** DTSTAMP: when this revision was published (UTC). */
	stamp: instant,
	/** `scheduleFingerprint` of the entry this revision describes. */
	fingerprint: v.string()
});

/** A public page of every language, as the part of its path after the language. */
const page = v.strictObject({
	/** Its link in the navigation is labelled by the words `nav.<id>`. */
	id,
	path: v.pipe(v.string(), v.regex(/^\/([a-z0-9-]+(\/[a-z0-9-]+)*)?$/, 'a path after the language: "/" or "/live"')),
	inNavigation: v.boolean(),
	/** Once the event is over, its link is labelled by the words `nav.<navAfterEvent>` instead (the live page holds the recording). */
	navAfterEvent: v.optional(id),
	inSitemap: v.boolean()
});

export const EventDocumentSchema = v.strictObject({
	/** Stable identifier (calendar UID, JSON-LD @id). */
	id: text,
	start: instant,
	end: instant,
	/** The IANA zone the event's times are given in; every instant above is written with its offset there. */
	timeZone: v.pipe(v.string(), v.check(isTimeZone, 'an IANA time zone, such as America/New_York')),
	venue,
	segments: v.pipe(v.array(segment), v.minLength(1, 'at least one segment')),
	speakers: v.array(speaker),
	organizers: v.array(id),
	partners: v.array(id),
	organizations: v.array(organization),
	/** Pages the words link to by key (`[the report](gcmReport)`), besides the organizations' home pages. */
	links: v.record(id, localizedUrl),
	accounts: v.array(v.strictObject({ handle: v.pipe(v.string(), v.regex(/^\w{1,15}$/, 'an account handle, without @')), organization: v.optional(id) })),
	hashtags: v.array(v.pipe(v.string(), v.regex(/^\w+$/, 'a hashtag, without #'))),
	/** How many objectives the words list (`event:objectives.items.<n>`). */
	objectiveCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
	/** The languages the session is interpreted into: each is a sound channel of the stream beside the floor. */
	interpretation: v.array(v.string()),
	calendarRevisions: v.pipe(v.array(calendarRevision), v.minLength(1, 'at least one revision')),
	pages: v.pipe(v.array(page), v.minLength(1, 'at least one page'))
});

/** The document as written: instants as text. */
export type EventDocument = v.InferInput<typeof EventDocumentSchema>;
/** The facts it gives: instants as Dates. */
export type EventFacts = v.InferOutput<typeof EventDocumentSchema>;

/** One problem of a document: where (`segments[1].start`) and what. */
export interface DocumentIssue {
	path: string;
	message: string;
}

const pathOf = (keys: readonly (string | number)[]) => keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key), '') || '(the document)';

const SITE_LANGUAGES = languages.map((language) => language.code);

/** The offset an instant has in a zone, as ISO 8601 writes it: -04:00, +01:00, +00:00. */
function offsetIn(timeZone: string, at: Date): string {
	const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
	return name.replace('GMT', '') || '+00:00';
}

/** What the structure cannot say: references between parts, order, unique ids, offsets, the calendar revision. */
function consistencyIssues(raw: Record<string, unknown>, facts: EventFacts): DocumentIssue[] {
	const issues: DocumentIssue[] = [];
	const add = (keys: (string | number)[], message: string) => issues.push({ path: pathOf(keys), message });
	const unique = (list: { id: string }[], key: string) =>
		list.forEach((item, index) => {
			if (list.findIndex((other) => other.id === item.id) !== index) add([key, index, 'id'], `"${item.id}" is used twice`);
		});
	unique(facts.segments, 'segments');
	unique(facts.speakers, 'speakers');
	unique(facts.organizations, 'organizations');
	unique(facts.pages, 'pages');

	const organizationIds = new Set(facts.organizations.map((organization) => organization.id));
	const knownOrganization = (keys: (string | number)[], organizationId: string | undefined) => {
		if (organizationId && !organizationIds.has(organizationId)) add(keys, `no organization "${organizationId}" in organizations`);
	};
	facts.speakers.forEach((speaker, index) => knownOrganization(['speakers', index, 'organization'], speaker.organization));
	facts.organizers.forEach((organizationId, index) => knownOrganization(['organizers', index], organizationId));
	facts.partners.forEach((organizationId, index) => knownOrganization(['partners', index], organizationId));
	facts.accounts.forEach((account, index) => knownOrganization(['accounts', index, 'organization'], account.organization));
	for (const key of Object.keys(facts.links)) if (organizationIds.has(key)) add(['links', key], `"${key}" is an organization's id too: its home page is its link`);

	const speakerIds = new Set(facts.speakers.map((speaker) => speaker.id));
	facts.segments.forEach((segment, index) =>
		segment.speakers.forEach((entry, position) => {
			if (!speakerIds.has(entry.speaker)) add(['segments', index, 'speakers', position, 'speaker'], `no speaker "${entry.speaker}" in speakers`);
		})
	);

	// Instants are written as the event's zone writes them, so that a reader sees the local time and a wrong offset (summer time) shows.
	const offsetMatches = (keys: (string | number)[], written: unknown, at: Date) => {
		const expected = offsetIn(facts.timeZone, at);
		const offset = String(written).match(/(Z|[+-]\d\d:\d\d)$/)?.[1];
		if ((offset === 'Z' ? '+00:00' : offset) !== expected) add(keys, `is written with offset ${offset}, but ${facts.timeZone} is at ${expected} then`);
	};
	offsetMatches(['start'], raw.start, facts.start);
	offsetMatches(['end'], raw.end, facts.end);
	const rawSegments = raw.segments as Record<string, unknown>[];
	facts.segments.forEach((segment, index) => {
		offsetMatches(['segments', index, 'start'], rawSegments[index].start, segment.start);
		offsetMatches(['segments', index, 'end'], rawSegments[index].end, segment.end);
	});

	if (facts.end <= facts.start) add(['end'], 'comes before the start');
	facts.segments.forEach((segment, index) => {
		if (segment.end <= segment.start) add(['segments', index, 'end'], 'comes before the segment starts');
		if (segment.start < facts.start || segment.end > facts.end) add(['segments', index], 'lies outside the event (start to end)');
		const previous = facts.segments[index - 1];
		if (previous && segment.start < previous.end) add(['segments', index, 'start'], `comes before the end of "${previous.id}": segments follow each other`);
	});

	facts.interpretation.forEach((code, index) => {
		if (!SITE_LANGUAGES.includes(code)) add(['interpretation', index], `"${code}" is no language of the site (src/lib/i18n/languages.json: ${SITE_LANGUAGES.join(', ')})`);
	});

	facts.calendarRevisions.forEach((revision, index) => {
		if (revision.sequence !== index) add(['calendarRevisions', index, 'sequence'], `should be ${index}: revisions count up by one`);
		const previous = facts.calendarRevisions[index - 1];
		if (previous && revision.stamp <= previous.stamp) add(['calendarRevisions', index, 'stamp'], 'comes before the previous revision');
	});
	const last = facts.calendarRevisions.length - 1;
	const fingerprint = scheduleFingerprint({ start: facts.start, end: facts.end, geo: facts.venue.geo });
	if (facts.calendarRevisions[last].fingerprint !== fingerprint) {
		add(
			['calendarRevisions', last, 'fingerprint'],
			`the time or place changed: add a revision { "sequence": ${last + 1}, "stamp": "<today, e.g. ${new Date().toISOString().slice(0, 10)}T00:00:00Z>", "fingerprint": "${fingerprint}" } so that calendars take the change`
		);
	}

	const paths = facts.pages.map((page) => page.path);
	paths.forEach((path, index) => {
		if (paths.indexOf(path) !== index) add(['pages', index, 'path'], `"${path}" is listed twice`);
	});
	return issues;
}

/** Every problem of a document, each with its path; none means `checkEventDocument` gives the facts. */
export function checkEventDocument(input: unknown): { facts: EventFacts; issues: [] } | { facts?: undefined; issues: DocumentIssue[] } {
	const result = v.safeParse(EventDocumentSchema, input);
	if (!result.success) {
		return {
			issues: result.issues.map((issue) => ({
				path: pathOf((issue.path ?? []).map((item) => item.key as string | number)),
				message: issue.type === 'strict_object' ? 'is no field of this part of the document (misspelled?)' : issue.message
			}))
		};
	}
	const issues = consistencyIssues(input as Record<string, unknown>, result.output);
	return issues.length ? { issues } : { facts: result.output, issues: [] };
}

/** The issues as lines a person reads in a failed build or test: `  segments[1].start: …`. */
export function describeIssues(source: string, issues: readonly DocumentIssue[]): string {
	return `${source} is not a valid event document:\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`;
}

/** The facts of a document, or an error naming each problem's path. */
export function parseEventDocument(input: unknown, source = 'the event document'): EventFacts {
	const { facts, issues } = checkEventDocument(input);
	if (!facts) throw new Error(describeIssues(source, issues));
	return facts;
}
