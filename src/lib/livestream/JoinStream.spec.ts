import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { translatorFor } from '$lib/event/translator';
import { translateContext } from '$lib/i18n/context';
import type { Translator } from '$lib/i18n/translator';
import type { Captions, ChannelId, WatchOption } from '$lib/livestream/channels';
import JoinStream from './JoinStream.svelte';
import Recordings from './Recordings.svelte';

let t: Translator;
beforeAll(async () => {
	t = await translatorFor('fr');
});

const onePlayer: WatchOption[] = [{ url: 'https://webtv.un.org/', channels: ['fr', 'en', 'floor'] }];
const ownStreams: WatchOption[] = [
	{ url: 'https://stream.example.org/fr', channels: ['fr'] },
	{ url: 'https://stream.example.org/en', channels: ['en'] },
	{ url: 'https://stream.example.org/floor', channels: ['floor'] }
];

type Props = { options: WatchOption[]; players?: WatchOption[]; captions?: Captions[]; remembered?: ChannelId; isProminent?: boolean };
/** The channels' names as the French page lists them: "Français, English et Parquet (langue originale)". */
const names = (channels: ChannelId[]) => new Intl.ListFormat('fr-FR', { type: 'conjunction' }).format(channels.map((channel) => t(`live:channel.${channel}`)));
const html = (props: Props) => render(JoinStream, { props: { lang: 'fr', ...props }, context: translateContext(t) }).body.replace(/<!--.*?-->/g, '');

describe('JoinStream', () => {
	it('shows one honest "watch" link, straight to the stream, and names the channels its player offers', () => {
		const body = html({ options: onePlayer });
		expect(body.match(/<a /g)).toHaveLength(1);
		expect(body).toContain('href="https://webtv.un.org/"');
		expect(body).toContain(t('live:join.watch'));
		expect(body).toContain(t('live:join.offers', { channels: names(['fr', 'en', 'floor']) }));
	});

	it('offers each stream through the page that remembers the choice, the first one first, each language named in itself', () => {
		const body = html({ options: ownStreams });
		const hrefs = [...body.matchAll(/href="(\/fr\/watch\/[a-z]+)"/g)].map((match) => match[1]);
		expect(hrefs).toEqual(['/fr/watch/fr', '/fr/watch/en', '/fr/watch/floor']);
		expect(body).toContain(`<span lang="en">${t('live:channel.en')}</span>`);
		expect(body).toContain('hreflang="fr"');
		expect(body).not.toContain('https://stream.example.org');
	});

	it('marks the remembered channel', () => {
		expect(html({ options: ownStreams, remembered: 'en' }).replace(/<\/a>\s*/g, '</a>')).toContain(
			`<span lang="en">${t('live:channel.en')}</span></a><span class="remembered muted">(${t('live:join.remembered')})</span>`
		);
		expect(html({ options: ownStreams })).not.toContain(t('live:join.remembered'));
	});

	it('embeds a titled player closed until asked, and nothing without one', () => {
		expect(html({ options: onePlayer })).not.toContain('<iframe');
		const body = html({ options: onePlayer, players: [{ url: 'https://player.example.org/fr', channels: ['fr'] }] });
		expect(body.match(/<iframe/g)).toHaveLength(1);
		expect(body).toMatch(/<details class="player">/);
		expect(body).toContain(`<iframe src="https://player.example.org/fr" title="${t('live:join.playerTitle', { channels: names(['fr']) })}" loading="lazy"`);
	});

	it('links the captions that are set, else says there are none', () => {
		expect(html({ options: onePlayer })).toContain(t('live:captions.none'));
		const body = html({ options: onePlayer, captions: [{ lang: 'en', url: 'https://cart.example.org/en' }] });
		expect(body).toContain(`<a href="https://cart.example.org/en" hreflang="en" lang="en">${t('live:channel.en')}</a>`);
		expect(body).not.toContain(t('live:captions.none'));
	});
});

describe('Recordings', () => {
	const recordings = (list: WatchOption[]) => render(Recordings, { props: { lang: 'fr', recordings: list }, context: translateContext(t) }).body.replace(/<!--.*?-->/g, '');

	it('says when no recording is set, and links nothing', () => {
		const body = recordings([]);
		expect(body).toContain(t('live:recording.none'));
		expect(body).not.toContain('<a ');
	});

	it('links each recording set, with the channels it carries', () => {
		const body = recordings([
			{ url: 'https://rec.example.org/fr', channels: ['fr'] },
			{ url: 'https://rec.example.org/floor', channels: ['floor'] }
		]);
		expect(body).toContain('href="https://rec.example.org/fr"');
		expect(body).toContain(`${t('live:recording.link')} (${t('live:channel.floor')})`);
	});
});
