import * as publicEnv from '$env/static/public';
import type { Language } from './i18n/languages';
import { embeddableUrl } from './livestream/frame-sources.js';

/**
 * Site settings: environment variables read when the site is built (pages are prerendered with
 * them; `npm start` rebuilds when they change). Every one has an official default.
 */
const env: Record<string, string | undefined> = publicEnv;

function setting(name: string, fallback: string): string {
	const value = env[name]?.trim();
	return value ? value : fallback;
}

/** Per-language setting: NAME_EN / NAME_FR, each with its own default. */
function perLanguage(name: string, fallback: Record<Language, string>): Record<Language, string> {
	return { en: setting(`${name}_EN`, fallback.en), fr: setting(`${name}_FR`, fallback.fr) };
}

/** Optional per-language setting: NAME_EN / NAME_FR, kept only when `accept` takes it. */
function optionalPerLanguage(name: string, accept: (value: string | undefined) => string | undefined): Record<Language, string | undefined> {
	return { en: accept(env[`${name}_EN`]), fr: accept(env[`${name}_FR`]) };
}

function httpUrl(value: string | undefined): string | undefined {
	const text = value?.trim();
	return text && /^https?:\/\/[^\s]+$/i.test(text) ? text : undefined;
}

const imrfPage = { en: 'https://www.un.org/en/migration2022', fr: 'https://www.un.org/fr/migration2022' };

export const settings = {
	/** The public origin of the site, for absolute URLs (hreflang, Open Graph, calendar). */
	origin: setting('PUBLIC_ORIGIN', 'http://localhost:3000').replace(/\/+$/, ''),
	/** Where to watch, per language (UN Web TV carries IMRF sessions with interpretation). */
	livestreamUrl: perLanguage('PUBLIC_LIVESTREAM_URL', { en: 'https://webtv.un.org/', fr: 'https://webtv.un.org/' }),
	/** An embeddable player per language (https only, optional); svelte.config.js lets frames come from its host only. */
	livestreamEmbedUrl: optionalPerLanguage('PUBLIC_LIVESTREAM_EMBED_URL', embeddableUrl),
	/** The recording per language (optional), offered once the event is over. */
	recordingUrl: optionalPerLanguage('PUBLIC_RECORDING_URL', httpUrl),
	/** Links the brief leaves as placeholders: official home pages unless set. */
	links: {
		imrf: perLanguage('PUBLIC_LINK_IMRF', imrfPage),
		gcmReport: perLanguage('PUBLIC_LINK_GCM_REPORT', imrfPage),
		marrakeshDeclaration: perLanguage('PUBLIC_LINK_MARRAKESH_DECLARATION', { en: 'https://www.uclg.org/', fr: 'https://www.uclg.org/' }),
		mayorsMechanism: perLanguage('PUBLIC_LINK_MAYORS_MECHANISM', { en: 'https://www.gfmd.org/', fr: 'https://www.gfmd.org/' }),
		uclg: perLanguage('PUBLIC_LINK_UCLG', { en: 'https://www.uclg.org/', fr: 'https://www.uclg.org/' }),
		mmc: perLanguage('PUBLIC_LINK_MMC', { en: 'https://www.mayorsmigrationcouncil.org/', fr: 'https://www.mayorsmigrationcouncil.org/' }),
		iom: perLanguage('PUBLIC_LINK_IOM', { en: 'https://www.iom.int/', fr: 'https://www.iom.int/' }),
		unhcr: perLanguage('PUBLIC_LINK_UNHCR', { en: 'https://www.unhcr.org/', fr: 'https://www.unhcr.org/fr/' }),
		bmz: perLanguage('PUBLIC_LINK_BMZ', { en: 'https://www.bmz.de/', fr: 'https://www.bmz.de/' }),
		boschStiftung: perLanguage('PUBLIC_LINK_BOSCH_STIFTUNG', { en: 'https://www.bosch-stiftung.de/', fr: 'https://www.bosch-stiftung.de/' }),
		unNetwork: perLanguage('PUBLIC_LINK_UN_NETWORK', { en: 'https://migrationnetwork.un.org/', fr: 'https://migrationnetwork.un.org/' })
	}
} as const;

export type LinkKey = keyof typeof settings.links;
