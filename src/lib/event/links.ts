import { channelOfLanguage } from '$lib/livestream/channels';
import type { Language } from '$lib/i18n/languages';
import { settings, type LinkKey } from '$lib/settings';
import type { OrganizationId } from './types';

/** Every link key a locale string may name, resolved for one language. */
export function linksFor(lang: Language): Record<LinkKey | 'livestream' | 'live', string> {
	const resolved = Object.fromEntries(Object.entries(settings.links).map(([key, value]) => [key, value[lang]]));
	return { ...resolved, livestream: settings.livestreamUrl[channelOfLanguage(lang)], live: `/${lang}/live` };
}

/** The organization's home page (from the facts, or the setting that overrides it), if it has one. */
export function organizationUrl(id: OrganizationId, lang: Language): string | undefined {
	return settings.links[id]?.[lang];
}
