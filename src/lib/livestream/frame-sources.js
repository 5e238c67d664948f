// @ts-check
// Plain JavaScript: svelte.config.js imports it to build the Content-Security-Policy, and the site's
// settings use it too, so that the page embeds exactly the players the policy lets in.

/** The settings that may name an embeddable livestream player, one per language. */
export const EMBED_SETTINGS = ['PUBLIC_LIVESTREAM_EMBED_URL_EN', 'PUBLIC_LIVESTREAM_EMBED_URL_FR'];

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
