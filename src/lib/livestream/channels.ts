import { otherLanguages, type Language } from '$lib/i18n/languages';
import { settings } from '$lib/settings';

/** One language's stream: where to watch it, and the player to embed if one is set. */
export interface Channel {
	lang: Language;
	url: string;
	embedUrl?: string;
}

type StreamSettings = Pick<typeof settings, 'livestreamUrl' | 'livestreamEmbedUrl'>;

/** Both channels (interpretation runs in English and French), the page's language first. */
export function channelsFor(lang: Language, source: StreamSettings = settings): Channel[] {
	return [lang, ...otherLanguages(lang)].map((channel) => ({
		lang: channel,
		url: source.livestreamUrl[channel],
		embedUrl: source.livestreamEmbedUrl[channel]
	}));
}
