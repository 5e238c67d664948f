import { event } from '$lib/event/event';
import { httpUrl, publicSetting } from '$lib/settings';
import { CHANNEL_IDS, channelSettingName } from './channel-ids.js';
import { EMBED_SETTING, embeddableUrl } from './frame-sources.js';

/** One setting per id, named from the list (NAME_FLOOR, NAME_EN, NAME_FR), each read by `read`. */
function perId<Id extends string, T>(ids: readonly Id[], name: string, read: (value: string | undefined) => T): Record<Id, T> {
	return Object.fromEntries(ids.map((id) => [id, read(publicSetting(channelSettingName(name, id)))])) as Record<Id, T>;
}

/** The stream's settings (src/lib/settings.ts reads them the same way), per sound channel or language. */
export const streamSettings = {
	/** Where to watch, per sound channel (UN Web TV carries IMRF sessions with the floor and interpretation). */
	livestreamUrl: perId(CHANNEL_IDS, 'PUBLIC_LIVESTREAM_URL', (value) => httpUrl(value) ?? 'https://webtv.un.org/'),
	/** An embeddable player per channel (https only, optional); svelte.config.js lets frames come from its host only. */
	livestreamEmbedUrl: perId(CHANNEL_IDS, EMBED_SETTING, embeddableUrl),
	/** The recording per channel (optional), offered once the event is over. */
	recordingUrl: perId(CHANNEL_IDS, 'PUBLIC_RECORDING_URL', httpUrl),
	/** Live captions (CART) per interpretation language (optional), offered beside the player and in the calendar entry. */
	captionsUrl: perId(event.interpretation, 'PUBLIC_CAPTIONS_URL', httpUrl)
} as const;

export type StreamSettings = typeof streamSettings;
