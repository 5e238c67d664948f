import type { Language } from '$lib/i18n/languages';
import type { LinkKey } from '$lib/settings';

export type OrganizationId =
	| 'mayorsMechanism'
	| 'uclg'
	| 'mmc'
	| 'iom'
	| 'unhcr'
	| 'bmz'
	| 'boschStiftung'
	| 'kcca'
	| 'montevideo'
	| 'unNetwork';

export interface Organization {
	id: OrganizationId;
	/** Where its name links to (a setting with an official default), if anywhere. */
	link?: LinkKey;
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
	hashtags: string[];
	objectiveCount: number;
	/** The languages the session is interpreted into: each is a sound channel of the stream beside the floor. */
	interpretation: Language[];
}
