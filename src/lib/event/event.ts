import { INTERPRETATION } from './interpretation.js';
import type { EventFacts, Segment, Speaker } from './types';

/** The event's facts, from the brief. Words about them live in locales/. */
export const event: EventFacts = {
	id: 'imrf-2022-side-event-localizing-global-compacts',
	// 1.30–2.30 pm EDT (UTC−4) on Wednesday 18 May 2022.
	start: new Date('2022-05-18T17:30:00Z'),
	end: new Date('2022-05-18T18:30:00Z'),
	timeZone: 'America/New_York',
	venue: {
		room: '8',
		geo: { lat: 40.7489, lon: -73.968 },
		address: { street: '405 East 42nd Street', locality: 'New York', region: 'NY', postalCode: '10017', country: 'US' }
	},
	segments: [
		{
			id: 'welcome',
			start: new Date('2022-05-18T17:30:00Z'),
			end: new Date('2022-05-18T17:40:00Z'),
			speakers: [{ speaker: 'saiz' }, { speaker: 'vitorino' }, { speaker: 'zanuso' }]
		},
		{
			id: 'panel',
			start: new Date('2022-05-18T17:40:00Z'),
			end: new Date('2022-05-18T18:20:00Z'),
			speakers: [
				{ speaker: 'goyenche', isModerator: true },
				{ speaker: 'lukwago' },
				{ speaker: 'rio' },
				{ speaker: 'scharf' },
				{ speaker: 'balz' }
			]
		},
		{
			id: 'handover',
			start: new Date('2022-05-18T18:20:00Z'),
			end: new Date('2022-05-18T18:30:00Z'),
			speakers: [{ speaker: 'vitorino' }, { speaker: 'lukwago' }]
		}
	],
	speakers: [
		{ id: 'saiz', honorific: 'ms', name: 'Emilia Sáiz', organization: 'uclg' },
		{ id: 'vitorino', honorific: 'mr', name: 'António Vitorino', organization: 'iom' },
		{ id: 'zanuso', honorific: 'ms', name: 'Vittoria Zanuso', organization: 'mmc' },
		{ id: 'goyenche', honorific: 'ms', name: 'Fabiana Goyenche', organization: 'montevideo', country: 'UY' },
		{ id: 'lukwago', honorific: 'mr', name: 'Erias Lukwago', organization: 'kcca', country: 'UG' },
		{ id: 'rio', honorific: 'mr', name: 'Philippe Rio', country: 'FR' },
		{ id: 'scharf', honorific: 'ms', name: 'Stefanie Scharf', organization: 'bmz' },
		{ id: 'balz', honorific: 'ms', name: 'Ottilie Bälz', organization: 'boschStiftung' }
	],
	organizers: ['mayorsMechanism', 'uclg', 'mmc', 'iom'],
	partners: ['unhcr', 'bmz'],
	// The brief leaves these links as placeholders: the organizations' official home pages.
	organizations: [
		{ id: 'mayorsMechanism', homePage: 'https://www.gfmd.org/' },
		{ id: 'uclg', homePage: 'https://www.uclg.org/' },
		{ id: 'mmc', homePage: 'https://www.mayorsmigrationcouncil.org/' },
		{ id: 'iom', homePage: 'https://www.iom.int/' },
		{ id: 'unhcr', homePage: { default: 'https://www.unhcr.org/', fr: 'https://www.unhcr.org/fr/' } },
		{ id: 'bmz', homePage: 'https://www.bmz.de/' },
		{ id: 'boschStiftung', homePage: 'https://www.bosch-stiftung.de/' },
		{ id: 'kcca' },
		{ id: 'montevideo' },
		{ id: 'unNetwork', homePage: 'https://migrationnetwork.un.org/' }
	],
	links: {
		imrf: { default: 'https://www.un.org/en/migration2022', fr: 'https://www.un.org/fr/migration2022' },
		// The Secretary-General's 2022 report and the Marrakesh Mayors Declaration, until their own pages are set.
		gcmReport: { default: 'https://www.un.org/en/migration2022', fr: 'https://www.un.org/fr/migration2022' },
		marrakeshDeclaration: 'https://www.uclg.org/'
	},
	accounts: [
		{ handle: 'GFMDMayors', organization: 'mayorsMechanism' },
		{ handle: 'uclg_org', organization: 'uclg' },
		{ handle: 'MayorsMigration', organization: 'mmc' },
		{ handle: 'UNmigration', organization: 'iom' },
		{ handle: 'Refugees', organization: 'unhcr' }
	],
	hashtags: ['CitiesIMRF', 'Call2Action'],
	objectiveCount: 5,
	interpretation: [...INTERPRETATION]
};

export function speakerById(id: string): Speaker {
	const speaker = event.speakers.find((s) => s.id === id);
	if (!speaker) throw new Error(`Unknown speaker ${id}`);
	return speaker;
}

export function accountUrl(handle: string): string {
	return `https://twitter.com/${encodeURIComponent(handle)}`;
}

export function hashtagUrl(tag: string): string {
	return `https://twitter.com/hashtag/${encodeURIComponent(tag)}`;
}

/** Speakers in order of first appearance, with whether they moderate. */
export function speakersInOrder(segments: Segment[] = event.segments): { speaker: Speaker; isModerator: boolean }[] {
	const seen = new Map<string, boolean>();
	for (const segment of segments) {
		for (const entry of segment.speakers) seen.set(entry.speaker, (seen.get(entry.speaker) ?? false) || !!entry.isModerator);
	}
	return [...seen].map(([id, isModerator]) => ({ speaker: speakerById(id), isModerator }));
}
