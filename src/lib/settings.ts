import * as publicEnv from '$env/static/public';
import { INTERPRETATION } from './event/interpretation.js';
import type { Language } from './i18n/languages';
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

/** Per-language setting: NAME_EN / NAME_FR, each with its own default. */
function perLanguage(name: string, fallback: Record<Language, string>): Record<Language, string> {
	return { en: setting(`${name}_EN`, fallback.en), fr: setting(`${name}_FR`, fallback.fr) };
}

/** One setting per id, named from the list (NAME_FLOOR, NAME_EN, NAME_FR), each read by `read`. */
function perId<Id extends string, T>(ids: readonly Id[], name: string, read: (value: string | undefined) => T): Record<Id, T> {
	return Object.fromEntries(ids.map((id) => [id, read(env[channelSettingName(name, id)])])) as Record<Id, T>;
}

function httpUrl(value: string | undefined): string | undefined {
	const text = value?.trim();
	return text && /^https?:\/\/[^\s]+$/i.test(text) ? text : undefined;
}

const imrfPage = { en: 'https://www.un.org/en/migration2022', fr: 'https://www.un.org/fr/migration2022' };

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
	captionsUrl: perId(INTERPRETATION, 'PUBLIC_CAPTIONS_URL', httpUrl),
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
