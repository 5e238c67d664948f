import * as publicEnv from '$env/static/public';
import { event } from './event/event';
import type { LocalizedUrl, OrganizationId } from './event/types';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from './i18n/languages';

/**
 * Site settings: environment variables read when the site is built (pages are prerendered with
 * them; `npm start` rebuilds when they change). Every one has an official default. The stream's
 * own settings are src/lib/livestream/settings.ts.
 */
const env: Record<string, string | undefined> = publicEnv;

/** A setting as it is set, if it is. */
export const publicSetting = (name: string): string | undefined => env[name];

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

/** An http(s) address, else none. */
export function httpUrl(value: string | undefined): string | undefined {
	const text = value?.trim();
	return text && /^https?:\/\/[^\s]+$/i.test(text) ? text : undefined;
}

export const settings = {
	/** The public origin of the site, for absolute URLs (hreflang, Open Graph, calendar). */
	origin: setting('PUBLIC_ORIGIN', 'http://localhost:3000').replace(/\/+$/, ''),
	/** The event's links (src/lib/event/event.json: organizations' home pages and others), each overridable per language. */
	links: eventLinks()
} as const;

export type LinkKey = keyof typeof settings.links;

/** The organization's home page (from the facts, or the setting that overrides it), if it has one. */
export function organizationUrl(id: OrganizationId, lang: Language): string | undefined {
	return settings.links[id]?.[lang];
}

