import { event } from '$lib/event/event';
import { listFormat } from '$lib/i18n/intl-cache';
import { INTL_LOCALES, type Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/translator';
import { FLOOR, isChannelId, type ChannelId } from './channel-ids.js';
import { streamSettings, type StreamSettings } from './settings';

export { FLOOR, type ChannelId };

/** The cookie that remembers the channel a visitor chose last (read by the server's /{lang}/watch and by the join island). */
export const CHANNEL_COOKIE = 'channel';

/** One way to watch: an address and every channel it carries (several when channels share one player). */
export interface WatchOption {
	url: string;
	channels: ChannelId[];
}

/** A caption (CART) stream in one language. */
export interface Captions {
	lang: Language;
	url: string;
}

/** The sound channels in the order a page in `lang` offers them: its own language, the other interpretations, the floor. */
export function channelOrder(lang: Language, interpretation: readonly Language[] = event.interpretation): ChannelId[] {
	const languages = interpretation.includes(lang) ? [lang, ...interpretation.filter((other) => other !== lang)] : [...interpretation];
	return [...languages.filter(isChannelId), FLOOR];
}

/** The stream in a page's language: its interpretation channel, else the floor (a site language nobody interprets into). */
export function channelOfLanguage(lang: Language): ChannelId {
	return isChannelId(lang) ? lang : FLOOR;
}

/** Channels grouped by the address `urlOf` gives them, in the order of their first channel; channels without an address are left out. */
function groupByUrl(channels: ChannelId[], urlOf: (channel: ChannelId) => string | undefined): WatchOption[] {
	const groups = new Map<string, ChannelId[]>();
	for (const channel of channels) {
		const url = urlOf(channel);
		if (url) groups.set(url, [...(groups.get(url) ?? []), channel]);
	}
	return [...groups].map(([url, grouped]) => ({ url, channels: grouped }));
}

/**
 * Where to watch from a page in `lang`: one option per distinct address. Channels that share an
 * address are one option (today's default: one player with every channel), never shown as if each had its own.
 * The remembered channel's option comes first.
 */
export function watchOptions(lang: Language, remembered?: string, source: StreamSettings = streamSettings): WatchOption[] {
	const options = groupByUrl(channelOrder(lang), (channel) => source.livestreamUrl[channel]);
	const chosen = options.findIndex((option) => option.channels.some((channel) => channel === remembered));
	return chosen > 0 ? [options[chosen], ...options.slice(0, chosen), ...options.slice(chosen + 1)] : options;
}

/** The embeddable players, one per distinct player address, with the channels each carries. */
export function players(lang: Language, source: StreamSettings = streamSettings): WatchOption[] {
	return groupByUrl(channelOrder(lang), (channel) => source.livestreamEmbedUrl[channel]);
}

/** The recordings that are set, one per distinct address, with the channels each carries. */
export function recordings(lang: Language, source: StreamSettings = streamSettings): WatchOption[] {
	return groupByUrl(channelOrder(lang), (channel) => source.recordingUrl[channel]);
}

/** The caption streams that are set, the page's language first. */
export function captionsFor(lang: Language, source: StreamSettings = streamSettings): Captions[] {
	return channelOrder(lang)
		.filter((channel): channel is Exclude<ChannelId, typeof FLOOR> => channel !== FLOOR)
		.flatMap((captionLang) => {
			const url = source.captionsUrl[captionLang];
			return url ? [{ lang: captionLang, url }] : [];
		});
}

/** Where "watch" leads: the remembered channel's stream when there is one, else the first one offered in `lang`. */
export function watchUrl(lang: Language, remembered?: string, source: StreamSettings = streamSettings): string {
	return isChannelId(remembered) ? source.livestreamUrl[remembered] : watchOptions(lang, undefined, source)[0].url;
}

/** The page that remembers a channel, then leads to its stream (works without JavaScript). */
export function chooseChannelPath(lang: Language, channel: ChannelId): string {
	return `/${lang}/watch/${channel}`;
}

/** The remembered channel in a Cookie header or `document.cookie`, if it names one. */
export function rememberedChannel(cookies: string | null | undefined): ChannelId | undefined {
	const value = cookies
		?.split(';')
		.map((part) => part.trim().split('='))
		.find(([name]) => name === CHANNEL_COOKIE)?.[1];
	return isChannelId(value) ? value : undefined;
}

/** "Floor (original), English and Français" as plain text (each language channel is named in its own language). */
export function channelNames(channels: ChannelId[], t: Translate, lang: Language): string {
	return listFormat(INTL_LOCALES[lang], { type: 'conjunction' }).format(channels.map((channel) => t(`live:channel.${channel}`)));
}
