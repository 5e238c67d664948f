import type { EventFacts } from './schema';

// The shapes of the event's facts, as the schema (schema.ts) gives them once checked: instants are Dates.
export type { EventFacts };

/** An organization's id; its name lives under `event:organizations.<id>` in the locale files. */
export type OrganizationId = string;
export type Organization = EventFacts['organizations'][number];
/** A web address, the same for every language or per language code (a language without its own takes `default`). */
export type LocalizedUrl = NonNullable<Organization['homePage']>;
export type Speaker = EventFacts['speakers'][number];
export type Segment = EventFacts['segments'][number];
export type SegmentSpeaker = Segment['speakers'][number];
export type Venue = EventFacts['venue'];
export type SocialAccount = EventFacts['accounts'][number];
export type CalendarRevision = EventFacts['calendarRevisions'][number];
export type PublicPage = EventFacts['pages'][number];
