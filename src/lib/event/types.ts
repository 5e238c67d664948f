import type { Language } from '$lib/i18n/languages';

/** An organization's id; its name lives under `event:organizations.<id>` in the locale files. */
export type OrganizationId = string;

/**
 * A web address, the same for every language or per language code; a language without its own
 * takes the `default` one. Each can be overridden by a setting (PUBLIC_LINK_<ID>_<LANG>, see settings.ts).
 */
export type LocalizedUrl = string | ({ default: string } & Record<string, string>);

export interface Organization {
	id: OrganizationId;
	/** Its official home page, where its name links to, if anywhere. */
	homePage?: LocalizedUrl;
}

export interface Speaker {
	/** Stable id; its words (role) live under `speakers.<id>` in the locale files. */
	id: string;
	honorific: 'mr' | 'ms';
	name: string;
	organization?: OrganizationId;
	/** ISO 3166-1 alpha-2 country of a local government, named per language by Intl. */
	country?: string;
}

export interface SegmentSpeaker {
	speaker: string;
	isModerator?: boolean;
}

export interface Segment {
	/** Stable id; its title lives under `agenda.<id>` in the locale files. */
	id: string;
	start: Date;
	end: Date;
	speakers: SegmentSpeaker[];
}

export interface Venue {
	/** The meeting room, as the venue numbers it. */
	room: string;
	geo: { lat: number; lon: number };
	address: { street: string; locality: string; region: string; postalCode: string; country: string };
}

export interface SocialAccount {
	handle: string;
	/** The organization behind the account, when the brief names one. */
	organization?: OrganizationId;
}

export interface EventFacts {
	/** Stable identifier (calendar UID, JSON-LD @id). */
	id: string;
	start: Date;
	end: Date;
	timeZone: string;
	venue: Venue;
	segments: Segment[];
	speakers: Speaker[];
	organizers: OrganizationId[];
	partners: OrganizationId[];
	organizations: Organization[];
	accounts: SocialAccount[];
	/** Pages the words link to by key (`[the report](gcmReport)`), besides the organizations' home pages. */
	links: Record<string, LocalizedUrl>;
	hashtags: string[];
	objectiveCount: number;
	/** The languages the session is interpreted into: each is a sound channel of the stream beside the floor. */
	interpretation: Language[];
}
