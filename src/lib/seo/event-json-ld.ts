import { speakerAffiliation } from '$lib/event/describe';
import { event } from '$lib/event/event';
import { speakersInOrder } from '$lib/event/speakers';
import { isoInZone } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import type { Translator } from '$lib/i18n/translator';
import { channelOfLanguage } from '$lib/livestream/channels';
import { streamSettings } from '$lib/livestream/settings';
import { organizationUrl, settings } from '$lib/settings';

/** schema.org Event for one language's page. */
export function eventJsonLd(lang: Language, t: Translator, pageUrl: string, imageUrl: string): Record<string, unknown> {
	const { venue } = event;
	const organization = (id: Parameters<typeof organizationUrl>[0]) => ({
		'@type': 'Organization',
		name: t(`event:organizations.${id}`),
		url: organizationUrl(id, lang)
	});
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		'@id': `${settings.origin}/#event`,
		name: t('event:fullTitle'),
		description: t('event:description'),
		inLanguage: lang,
		url: pageUrl,
		image: [imageUrl],
		startDate: isoInZone(event.start, event.timeZone),
		endDate: isoInZone(event.end, event.timeZone),
		eventStatus: 'https://schema.org/EventScheduled',
		eventAttendanceMode: 'https://schema.org/MixedEventAttendanceMode',
		location: [
			{
				'@type': 'Place',
				name: t('event:when.placeName'),
				address: {
					'@type': 'PostalAddress',
					streetAddress: venue.address.street,
					addressLocality: venue.address.locality,
					addressRegion: venue.address.region,
					postalCode: venue.address.postalCode,
					addressCountry: venue.address.country
				},
				geo: { '@type': 'GeoCoordinates', latitude: venue.geo.lat, longitude: venue.geo.lon }
			},
			{ '@type': 'VirtualLocation', url: streamSettings.livestreamUrl[channelOfLanguage(lang)] }
		],
		organizer: [...event.organizers, ...event.partners].map(organization),
		performer: speakersInOrder().map(({ speaker }) => ({
			'@type': 'Person',
			name: speaker.name,
			jobTitle: speakerAffiliation(speaker, t, lang)
		}))
	};
}
