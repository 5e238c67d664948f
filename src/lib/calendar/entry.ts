import { event } from '$lib/event/event';
import { countryName } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/translator';
import { settings } from '$lib/settings';
import { describeBriefly, describeFully } from './describe';

/** The session as one calendar entry in one language: what the .ics file and every service link carry. */
export interface CalendarEntry {
	/** The same in both languages and every build, so a second import updates instead of duplicating. */
	uid: string;
	lang: Language;
	start: Date;
	end: Date;
	/** The zone the .ics file states its times in (the instants stay the truth). */
	timeZone: string;
	summary: string;
	description: string;
	/** A shorter description for service links, which must stay under 2,000 characters. */
	briefDescription: string;
	location: string;
	geo: { lat: number; lon: number };
	url: string;
}

// Pages keep "Room 8" on one line with no-break spaces; a calendar's plain text wants ordinary ones.
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

export function calendarEntry(lang: Language, t: Translate): CalendarEntry {
	const { address, geo } = event.venue;
	const url = `${settings.origin}/${lang}/`;
	return {
		uid: event.id,
		lang,
		start: event.start,
		end: event.end,
		timeZone: event.timeZone,
		summary: plain(t('event:fullTitle')),
		description: plain(describeFully(lang, t, url)),
		briefDescription: plain(describeBriefly(lang, t, url)),
		location: plain([
			t('event:when.placeName'),
			address.street,
			`${address.locality}, ${address.region} ${address.postalCode}`,
			countryName(address.country, lang)
		].join(', ')),
		geo,
		url
	};
}
