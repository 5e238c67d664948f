// @ts-check
// Plain JavaScript: svelte.config.js imports it to build the Content-Security-Policy, and the site's
// settings use it too, so that the page embeds exactly the players the policy lets in.
import { CHANNEL_IDS, channelSettingName } from './channel-ids.js';

/** The prefix of the settings naming an embeddable player, one per channel (`…_FLOOR`, `…_EN`, `…_FR`). */
export const EMBED_SETTING = 'PUBLIC_LIVESTREAM_EMBED_URL';

/** The settings that may name an embeddable livestream player, one per channel. */
export const EMBED_SETTINGS = CHANNEL_IDS.map((channel) => channelSettingName(EMBED_SETTING, channel));

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
 * The origins CSP `frame-src` allows: those of the players the settings name, nothing else.
 * @param {Record<string, string | undefined>} env
 * @returns {string[]}
 */
export function frameSources(env) {
	const origins = EMBED_SETTINGS.map((name) => embeddableUrl(env[name])).flatMap((url) => (url ? [new URL(url).origin] : []));
	return [...new Set(origins)];
}
