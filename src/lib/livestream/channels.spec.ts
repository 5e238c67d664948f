import { describe, expect, it } from 'vitest';
import { channelsFor } from './channels';

const source = {
	livestreamUrl: { en: 'https://stream.example.org/en', fr: 'https://stream.example.org/fr' },
	livestreamEmbedUrl: { en: undefined, fr: 'https://player.example.org/fr' }
};

describe('channelsFor', () => {
	it('offers the page’s language first', () => {
		expect(channelsFor('fr', source).map((channel) => channel.lang)).toEqual(['fr', 'en']);
		expect(channelsFor('en', source).map((channel) => channel.lang)).toEqual(['en', 'fr']);
	});

	it('gives each language its own stream and player', () => {
		expect(channelsFor('fr', source)).toEqual([
			{ lang: 'fr', url: 'https://stream.example.org/fr', embedUrl: 'https://player.example.org/fr' },
			{ lang: 'en', url: 'https://stream.example.org/en', embedUrl: undefined }
		]);
	});
});
