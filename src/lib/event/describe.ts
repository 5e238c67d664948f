import { countryName } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/translator';
import type { Speaker } from './types';

/** "Ms. Emilia Sáiz" / "Mme Emilia Sáiz". */
export function speakerName(speaker: Speaker, t: Translate): string {
	return `${t(`event:speakers.honorific.${speaker.honorific}`)} ${speaker.name}`;
}

/** "Lord Mayor, Kampala Capital City Authority, Uganda" in the translator's language. */
export function speakerAffiliation(speaker: Speaker, t: Translate, lang: Language): string {
	const parts = [t(`event:speakers.roles.${speaker.id}`)];
	if (speaker.organization) parts.push(t(`event:organizations.${speaker.organization}`));
	if (speaker.country) parts.push(countryName(speaker.country, lang));
	return parts.join(', ');
}
