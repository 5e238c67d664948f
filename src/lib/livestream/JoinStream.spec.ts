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
const html = (props: Props) => render(JoinStream, { props: { lang: 'fr', ...props }, context: translateContext(t) }).body.replace(/<!--.*?-->/g, '');

describe('JoinStream', () => {
	it('shows one honest "watch" link, straight to the stream, and names the channels its player offers', () => {
		const body = html({ options: onePlayer });
		expect(body.match(/<a /g)).toHaveLength(1);
		expect(body).toContain('href="https://webtv.un.org/"');
		expect(body).toContain('Suivre la retransmission');
		expect(body).toMatch(/Le lecteur propose ces canaux son\u202f: français, English et Parquet \(langue originale\)\./i);
	});

	it('offers each stream through the page that remembers the choice, the first one first, each language named in itself', () => {
		const body = html({ options: ownStreams });
		const hrefs = [...body.matchAll(/href="(\/fr\/watch\/[a-z]+)"/g)].map((match) => match[1]);
		expect(hrefs).toEqual(['/fr/watch/fr', '/fr/watch/en', '/fr/watch/floor']);
		expect(body).toContain('<span lang="en">English</span>');
		expect(body).toContain('hreflang="fr"');
		expect(body).not.toContain('https://stream.example.org');
	});

	it('marks the remembered channel', () => {
		expect(html({ options: ownStreams, remembered: 'en' })).toMatch(/<span lang="en">English<\/span><\/a>\s*<span class="remembered muted">\(votre dernier choix\)<\/span>/);
		expect(html({ options: ownStreams })).not.toContain('votre dernier choix');
	});

	it('embeds a titled player closed until asked, and nothing without one', () => {
		expect(html({ options: onePlayer })).not.toContain('<iframe');
		const body = html({ options: onePlayer, players: [{ url: 'https://player.example.org/fr', channels: ['fr'] }] });
		expect(body.match(/<iframe/g)).toHaveLength(1);
		expect(body).toMatch(/<details class="player">/);
		expect(body).toMatch(/<iframe src="https:\/\/player\.example\.org\/fr" title="Lecteur de la retransmission \(Français\)" loading="lazy"/);
	});

	it('links the captions that are set, else says there are none', () => {
		expect(html({ options: onePlayer })).toContain('Aucun lien de sous-titrage en direct (CART)');
		const body = html({ options: onePlayer, captions: [{ lang: 'en', url: 'https://cart.example.org/en' }] });
		expect(body).toMatch(/<a href="https:\/\/cart\.example\.org\/en" hreflang="en" lang="en">English<\/a>/);
		expect(body).not.toContain('Aucun lien de sous-titrage');
	});
});

describe('Recordings', () => {
	const recordings = (list: WatchOption[]) => render(Recordings, { props: { lang: 'fr', recordings: list }, context: translateContext(t) }).body.replace(/<!--.*?-->/g, '');

	it('says when no recording is set, and links nothing', () => {
		const body = recordings([]);
		expect(body).toContain('Aucun enregistrement');
		expect(body).not.toContain('<a ');
	});

	it('links each recording set, with the channels it carries', () => {
		const body = recordings([
			{ url: 'https://rec.example.org/fr', channels: ['fr'] },
			{ url: 'https://rec.example.org/floor', channels: ['floor'] }
		]);
		expect(body).toContain('href="https://rec.example.org/fr"');
		expect(body).toContain('Voir l’enregistrement (Parquet (langue originale))');
	});
});
