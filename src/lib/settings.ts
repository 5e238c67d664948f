import * as publicEnv from '$env/static/public';
import { event } from './event/event';
import type { LocalizedUrl } from './event/types';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './i18n/languages';
import { CHANNEL_IDS, channelSettingName } from './livestream/channel-ids.js';
import { EMBED_SETTING, embeddableUrl } from './livestream/frame-sources.js';

/**
 * Site settings: environment variables read when the site is built (pages are prerendered with
 * them; `npm start` rebuilds when they change). Every one has an official default.
 */
const env: Record<string, string | undefined> = publicEnv;

function setting(name: string, fallback: string): string {
	const value = env[name]?.trim();
	return value ? value : fallback;
}

/** A per-language setting's name for one language: PUBLIC_LINK_UCLG + fr → PUBLIC_LINK_UCLG_FR (en-XA → _EN_XA). */
export const settingName = (name: string, lang: Language) => `${name}_${lang.toUpperCase().replace(/-/g, '_')}`;

/** Per-language setting: NAME_<LANG> for every language, each with its default (else the default language's). */
function perLanguage(name: string, fallback: Partial<Record<Language, string>>): Record<Language, string> {
	return Object.fromEntries(LANGUAGES.map((lang) => [lang, setting(settingName(name, lang), fallback[lang] ?? fallback[DEFAULT_LANGUAGE] ?? '')]));
}

/** A localized URL of the facts, for one language. */
export function urlFor(url: LocalizedUrl, lang: Language): string {
	return typeof url === 'string' ? url : (url[lang] ?? url.default);
}

/** mayorsMechanism → MAYORS_MECHANISM: the setting name's part for a link key. */
const screamingSnake = (key: string) => key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Every link of the facts by key (organizations by id): PUBLIC_LINK_<KEY>_<LANG> overrides it. */
function eventLinks(): Record<string, Record<Language, string>> {
	const facts: [string, LocalizedUrl][] = [
		...Object.entries(event.links),
		...event.organizations.flatMap((organization) => (organization.homePage ? [[organization.id, organization.homePage] as [string, LocalizedUrl]] : []))
	];
	return Object.fromEntries(
		facts.map(([key, url]) => [key, perLanguage(`PUBLIC_LINK_${screamingSnake(key)}`, Object.fromEntries(LANGUAGES.map((lang) => [lang, urlFor(url, lang)])))])
	);
}

/** One setting per id, named from the list (NAME_FLOOR, NAME_EN, NAME_FR), each read by `read`. */
function perId<Id extends string, T>(ids: readonly Id[], name: string, read: (value: string | undefined) => T): Record<Id, T> {
	return Object.fromEntries(ids.map((id) => [id, read(env[channelSettingName(name, id)])])) as Record<Id, T>;
}

function httpUrl(value: string | undefined): string | undefined {
	const text = value?.trim();
	return text && /^https?:\/\/[^\s]+$/i.test(text) ? text : undefined;
}

export const settings = {
	/** The public origin of the site, for absolute URLs (hreflang, Open Graph, calendar). */
	origin: setting('PUBLIC_ORIGIN', 'http://localhost:3000').replace(/\/+$/, ''),
	/** Where to watch, per sound channel (UN Web TV carries IMRF sessions with the floor and interpretation). */
	livestreamUrl: perId(CHANNEL_IDS, 'PUBLIC_LIVESTREAM_URL', (value) => httpUrl(value) ?? 'https://webtv.un.org/'),
	/** An embeddable player per channel (https only, optional); svelte.config.js lets frames come from its host only. */
	livestreamEmbedUrl: perId(CHANNEL_IDS, EMBED_SETTING, embeddableUrl),
	/** The recording per channel (optional), offered once the event is over. */
	recordingUrl: perId(CHANNEL_IDS, 'PUBLIC_RECORDING_URL', httpUrl),
	/** Live captions (CART) per interpretation language (optional), offered beside the player and in the calendar entry. */
	captionsUrl: perId(event.interpretation, 'PUBLIC_CAPTIONS_URL', httpUrl),
	/** The event's links (src/lib/event/event.json: organizations' home pages and others), each overridable per language. */
	links: eventLinks()
} as const;

export type LinkKey = keyof typeof settings.links;

