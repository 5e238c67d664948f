import { DEFAULT_LANGUAGE, languageOfPath } from '$lib/i18n/languages';

/** One cache per deploy: activating a new version deletes the others. */
export function cacheName(version: string): string {
	return `imrf-offline-${version}`;
}

// Live data and the organizers' console must always be fresh or fail visibly, never replayed;
// /{lang}/watch answers with a redirect that depends on the visitor's cookie. The feeds of progress
// and the pledges' badges are for feed readers and other sites, which ask again with their ETag: a
// copy kept here would only age. The broadcast overlay is live or nothing: an old copy on air is worse than none.
const NEVER_CACHED = [/^\/api(\/|$)/, /^\/organizers(\/|$)/, /^\/healthz$/, /^\/[a-z]{2}\/watch(\/|$)/, /^\/[a-z]{2}\/overlay\/?$/, /\/feed\.xml$/, /^\/badges\//];

/** Whether the service worker may keep a copy of this path. */
export function isCacheable(pathname: string): boolean {
	return !NEVER_CACHED.some((pattern) => pattern.test(pathname));
}

/** The event page in the language of a path (English for a path in none): the offline fallback. */
export function languageHome(pathname: string): string {
	return `/${languageOfPath(pathname) ?? DEFAULT_LANGUAGE}/`;
}

// Share cards are fetched by other sites' crawlers, not read offline: not worth a weak signal.
const NOT_PRECACHED = [/^\/og\//];

/** Whether the service worker downloads this path ahead of time when it installs. */
export function isPrecached(pathname: string): boolean {
	return isCacheable(pathname) && !NOT_PRECACHED.some((pattern) => pattern.test(pathname));
}
