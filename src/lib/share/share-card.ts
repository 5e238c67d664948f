import { event } from '$lib/event/event';
import { formatDate, formatTimeRange } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/translator';

/** What the share card (/og/{lang}.png) says, already in the page's language. */
export interface ShareCardText {
	kind: string;
	title: string;
	subtitle: string;
	date: string;
	time: string;
	place: string;
	hashtags: readonly string[];
}

/** The card's text, from the event's facts and the language's words. */
export function shareCardText(lang: Language, t: Translate): ShareCardText {
	return {
		kind: t('event:kind'),
		title: t('event:title'),
		subtitle: t('event:subtitle'),
		date: formatDate(event.start, lang, event.timeZone),
		time: `${formatTimeRange(event.start, event.end, lang, event.timeZone)} (${t('common:time.eventZone')})`,
		place: `${t('event:when.placeName')}, ${t('event:when.city')}`,
		hashtags: event.hashtags
	};
}

/** The card described in a sentence, for `og:image:alt`: what a reader of the picture sees. */
export function shareCardAlt(card: ShareCardText, t: Translate): string {
	return t('share:card.alt', { ...card, hashtags: card.hashtags.map((tag) => `#${tag}`).join(' ') });
}
