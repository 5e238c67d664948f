// @ts-check
// Plain JavaScript: svelte.config.js imports it to build the Content-Security-Policy, and the site's
// settings use it too, so that the page embeds exactly the players the policy lets in.
import { CHANNEL_IDS, channelSettingName } from './channel-ids.js';

/** The prefix of the settings naming an embeddable player, one per channel (`…_FLOOR`, `…_EN`, `…_FR`). */
export const EMBED_SETTING = 'PUBLIC_LIVESTREAM_EMBED_URL';

/**
 * A player URL fit to embed: https only (a page served over https cannot frame http, and a
 * `javascript:` or `data:` URL must never become a frame). Anything else counts as unset.
 * @param {string | undefined} value
 * @returns {string | undefined}
 */
export function embeddableUrl(value) {
	const text = value?.trim();
	if (!text) return undefined;
	try {
		const url = new URL(text);
		return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The origins CSP `frame-src` allows: those of the players the settings name for the channels, nothing else.
 * @param {Record<string, string | undefined>} env
 * @param {readonly string[]} channels
 * @returns {string[]}
 */
export function frameSources(env, channels = CHANNEL_IDS) {
	const origins = channels.map((channel) => embeddableUrl(env[channelSettingName(EMBED_SETTING, channel)])).flatMap((url) => (url ? [new URL(url).origin] : []));
	return [...new Set(origins)];
}
