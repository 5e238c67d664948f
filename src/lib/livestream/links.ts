import type { Language } from '$lib/i18n/languages';
import { settings, type LinkKey } from '$lib/settings';
import { channelOfLanguage } from './channels';
import { streamSettings } from './settings';

/** Every link key a locale string may name, resolved for one language: the event's links, the stream in that language, the live page. */
export function linksFor(lang: Language): Record<LinkKey | 'livestream' | 'live', string> {
	const resolved = Object.fromEntries(Object.entries(settings.links).map(([key, value]) => [key, value[lang]]));
	return { ...resolved, livestream: streamSettings.livestreamUrl[channelOfLanguage(lang)], live: `/${lang}/live` };
}
