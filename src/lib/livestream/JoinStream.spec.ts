import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createI18nextTranslator, loadResources, type Translator } from '$lib/i18n/translator';
import type { Channel } from '$lib/livestream/channels';
import JoinStream from './JoinStream.svelte';

let t: Translator;
beforeAll(async () => {
	t = await createI18nextTranslator('fr', await loadResources('fr'));
});

const plainChannels: Channel[] = [
	{ lang: 'fr', url: 'https://stream.example.org/fr' },
	{ lang: 'en', url: 'https://stream.example.org/en' }
];

const html = (props: { channels: Channel[]; recordingUrl?: string; isProminent?: boolean }) => render(JoinStream, { props: { t, ...props } }).body;

describe('JoinStream', () => {
	it('links every channel, the first one first, and embeds nothing by default', () => {
		const body = html({ channels: plainChannels });
		expect(body.indexOf('https://stream.example.org/fr')).toBeLessThan(body.indexOf('https://stream.example.org/en'));
		expect(body).toContain('hreflang="fr"');
		expect(body).not.toContain('<iframe');
	});

	it('embeds a titled player, closed until asked, only for a channel that has one, and keeps the plain link', () => {
		const body = html({ channels: [{ ...plainChannels[0], embedUrl: 'https://player.example.org/fr' }, plainChannels[1]] });
		expect(body.match(/<iframe/g)).toHaveLength(1);
		expect(body).toMatch(/<details class="player">/);
		expect(body).toMatch(/<iframe src="https:\/\/player\.example\.org\/fr" title="Lecteur de la retransmission en français" loading="lazy"/);
		expect(body).toContain('href="https://stream.example.org/fr"');
	});

	it('offers the recording instead of the stream once it is set', () => {
		const body = html({ channels: plainChannels, recordingUrl: 'https://recording.example.org/fr' });
		expect(body).toContain('href="https://recording.example.org/fr"');
		expect(body).toContain('Voir l’enregistrement');
		expect(body).not.toContain('https://stream.example.org/fr');
	});
});
