import document from './event.json' with { type: 'json' };
import type { EventDocument, EventFacts } from './schema';

/**
 * The event's facts: the document src/lib/event/event.json (or, in a build, the one EVENT_DOCUMENT
 * names), checked against the schema (schema.ts) by the build's plugin (vite-plugin.ts) before any
 * page is built. Words about them live in locales/. Only the instants need reading: text to Dates.
 */
const written = document as EventDocument;

export const event: EventFacts = {
	...written,
	start: new Date(written.start),
	end: new Date(written.end),
	segments: written.segments.map((segment) => ({ ...segment, start: new Date(segment.start), end: new Date(segment.end) })),
	calendarRevisions: written.calendarRevisions.map((revision) => ({ ...revision, stamp: new Date(revision.stamp) }))
};
