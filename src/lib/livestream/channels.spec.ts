import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS, channelSettingName } from './channel-ids.js';
import { captionsFor, channelOrder, players, recordings, rememberedChannel, watchOptions, watchUrl } from './channels';

const webTv = 'https://webtv.un.org/';
const none = { floor: undefined, en: undefined, fr: undefined };
const shared = {
	livestreamUrl: { floor: webTv, en: webTv, fr: webTv },
	livestreamEmbedUrl: none,
	recordingUrl: none,
	captionsUrl: { en: undefined, fr: undefined }
};
const distinct = {
	...shared,
	livestreamUrl: { floor: 'https://stream.example.org/floor', en: 'https://stream.example.org/en', fr: 'https://stream.example.org/fr' }
};

describe('the channels', () => {
	it('are the floor and one per interpretation language, with settings named after them', () => {
		expect(CHANNEL_IDS).toEqual(['floor', 'en', 'fr']);
		expect(CHANNEL_IDS.map((channel) => channelSettingName('PUBLIC_LIVESTREAM_URL', channel))).toEqual([
			'PUBLIC_LIVESTREAM_URL_FLOOR',
			'PUBLIC_LIVESTREAM_URL_EN',
			'PUBLIC_LIVESTREAM_URL_FR'
		]);
	});

	it('come in the page’s language first, then the other interpretation, then the floor', () => {
		expect(channelOrder('fr')).toEqual(['fr', 'en', 'floor']);
		expect(channelOrder('en')).toEqual(['en', 'fr', 'floor']);
	});
});

describe('watchOptions', () => {
	it('is one option carrying every channel when all share one address (no channel shown as if it had its own)', () => {
		expect(watchOptions('fr', undefined, shared)).toEqual([{ url: webTv, channels: ['fr', 'en', 'floor'] }]);
	});

	it('is one option per channel with its own address, the page’s language first', () => {
		expect(watchOptions('en', undefined, distinct).map((option) => option.channels)).toEqual([['en'], ['fr'], ['floor']]);
	});

	it('groups the channels that share an address, whatever their order', () => {
		const source = { ...shared, livestreamUrl: { floor: 'https://stream.example.org/floor', en: webTv, fr: webTv } };
		expect(watchOptions('fr', undefined, source)).toEqual([
			{ url: webTv, channels: ['fr', 'en'] },
			{ url: 'https://stream.example.org/floor', channels: ['floor'] }
		]);
	});

	it('puts the remembered channel first and leaves the rest in order', () => {
		expect(watchOptions('en', 'floor', distinct).map((option) => option.channels)).toEqual([['floor'], ['en'], ['fr']]);
		expect(watchOptions('en', 'nonsense', distinct).map((option) => option.channels)).toEqual([['en'], ['fr'], ['floor']]);
	});
});

describe('watchUrl', () => {
	it('leads to the remembered channel, else to the page language’s', () => {
		expect(watchUrl('fr', 'floor', distinct)).toBe('https://stream.example.org/floor');
		expect(watchUrl('fr', undefined, distinct)).toBe('https://stream.example.org/fr');
		expect(watchUrl('fr', 'de', distinct)).toBe('https://stream.example.org/fr');
	});
});

describe('players, recordings and captions', () => {
	it('list only what is set', () => {
		expect(players('en', shared)).toEqual([]);
		expect(recordings('en', shared)).toEqual([]);
		expect(captionsFor('en', shared)).toEqual([]);
	});

	it('group players and recordings by address, the page’s language first', () => {
		const source = {
			...shared,
			livestreamEmbedUrl: { floor: undefined, en: 'https://player.example.org/1', fr: 'https://player.example.org/1' },
			recordingUrl: { floor: 'https://rec.example.org/floor', en: undefined, fr: 'https://rec.example.org/fr' }
		};
		expect(players('fr', source)).toEqual([{ url: 'https://player.example.org/1', channels: ['fr', 'en'] }]);
		expect(recordings('fr', source)).toEqual([
			{ url: 'https://rec.example.org/fr', channels: ['fr'] },
			{ url: 'https://rec.example.org/floor', channels: ['floor'] }
		]);
	});

	it('give the captions that are set, the page’s language first', () => {
		const source = { ...shared, captionsUrl: { en: 'https://cart.example.org/en', fr: 'https://cart.example.org/fr' } };
		expect(captionsFor('fr', source)).toEqual([
			{ lang: 'fr', url: 'https://cart.example.org/fr' },
			{ lang: 'en', url: 'https://cart.example.org/en' }
		]);
	});
});

describe('rememberedChannel', () => {
	it('reads the channel cookie among others, and ignores what is not a channel', () => {
		expect(rememberedChannel('lang=fr; channel=floor; other=1')).toBe('floor');
		expect(rememberedChannel('channel=de')).toBeUndefined();
		expect(rememberedChannel('')).toBeUndefined();
		expect(rememberedChannel(undefined)).toBeUndefined();
	});
});
