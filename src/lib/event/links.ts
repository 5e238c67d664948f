import type { Language } from '$lib/i18n/languages';
import { settings, type LinkKey } from '$lib/settings';
import { event } from './event';
import type { OrganizationId } from './types';

/** Every link key a locale string may name, resolved for one language. */
export function linksFor(lang: Language): Record<LinkKey | 'livestream' | 'live', string> {
	const resolved = Object.fromEntries(Object.entries(settings.links).map(([key, value]) => [key, value[lang]]));
	return { ...(resolved as Record<LinkKey, string>), livestream: settings.livestreamUrl[lang], live: `/${lang}/live` };
}

/** The organization's home page (a setting), if it has one. */
export function organizationUrl(id: OrganizationId, lang: Language): string | undefined {
	const link = event.organizations.find((organization) => organization.id === id)?.link;
	return link ? settings.links[link][lang] : undefined;
}
