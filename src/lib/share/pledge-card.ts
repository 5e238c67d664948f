import { event } from '$lib/event/event';
import type { Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/translator';
import { countryName } from '$lib/i18n/format';
import type { Pledge } from '$lib/pledges/types';

/** What one pledge's share card (/og/pledges/{id}/{lang}.png) says, in the page's language. */
export interface PledgeCardText {
	kind: string;
	title: string;
	government: string;
	country: string;
	site: string;
	hashtags: readonly string[];
}

/** The card's text: the organizers' words as they are, the rest from the language's words. */
export function pledgeCardText(pledge: Pick<Pledge, 'title' | 'government' | 'country'>, lang: Language, t: Translate): PledgeCardText {
	return {
		kind: t('pledges:card.kind'),
		title: pledge.title,
		government: pledge.government,
		country: countryName(pledge.country, lang),
		site: t('common:siteName'),
		hashtags: event.hashtags
	};
}

/** The card described in a sentence, for `og:image:alt`. */
export function pledgeCardAlt(card: PledgeCardText, t: Translate): string {
	return t('pledges:card.alt', { title: card.title, government: card.government, country: card.country });
}

/** The card's address; `v` changes with the pledge, so a correction is a new image for sites that keep old ones. */
export function pledgeCardPath(pledge: Pick<Pledge, 'id' | 'updatedAt'>, lang: Language): string {
	return `/og/pledges/${pledge.id}/${lang}.png?v=${Date.parse(pledge.updatedAt).toString(36)}`;
}
