// @ts-check
// Plain JavaScript: svelte.config.js (the CSP) and the site's settings both name settings after it.
import document from '../event/event.json' with { type: 'json' };

/** The floor: the speakers in their own language, without interpretation. */
export const FLOOR = 'floor';

/** @typedef {string} ChannelId The floor, or a language the session is interpreted into. */

/**
 * Every sound channel of the stream: the floor, then one per interpretation language.
 * @param {readonly string[]} interpretation
 * @returns {readonly ChannelId[]}
 */
export const channelsOf = (interpretation) => [FLOOR, ...interpretation];

/** The event's channels (its document's `interpretation`, checked when the build starts). */
export const CHANNEL_IDS = channelsOf(document.interpretation);

/**
 * A channel's setting, named after the channel: `PUBLIC_LIVESTREAM_URL` and `fr` → `PUBLIC_LIVESTREAM_URL_FR`.
 * @param {string} prefix
 * @param {string} channel
 */
export function channelSettingName(prefix, channel) {
	return `${prefix}_${channel.toUpperCase()}`;
}

/**
 * @param {unknown} value
 * @returns {value is ChannelId}
 */
export function isChannelId(value) {
	return typeof value === 'string' && CHANNEL_IDS.includes(value);
}
