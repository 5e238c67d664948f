// @ts-check
// Plain JavaScript: svelte.config.js (the CSP) and the site's settings both name settings after it.
import { INTERPRETATION } from '../event/interpretation.js';

/** The floor: the speakers in their own language, without interpretation. */
export const FLOOR = 'floor';

/** @typedef {typeof FLOOR | (typeof INTERPRETATION)[number]} ChannelId */

/** Every sound channel of the stream: the floor, then one per interpretation language. */
export const CHANNEL_IDS = /** @type {readonly ChannelId[]} */ ([FLOOR, ...INTERPRETATION]);

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
	return typeof value === 'string' && /** @type {readonly string[]} */ (CHANNEL_IDS).includes(value);
}
