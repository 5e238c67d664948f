import { afterEach, describe, expect, it, vi } from 'vitest';
import { embeddableUrl, frameSources } from './frame-sources.js';

describe('frameSources: the hosts CSP lets frames come from', () => {
	it('is empty when no player is set', () => {
		expect(frameSources({})).toEqual([]);
		expect(frameSources({ PUBLIC_LIVESTREAM_EMBED_URL_EN: '  ' })).toEqual([]);
	});

	it('names only the origins of the players set, once each', () => {
		expect(
			frameSources({
				PUBLIC_LIVESTREAM_EMBED_URL_EN: 'https://player.example.org/embed/en?autoplay=0',
				PUBLIC_LIVESTREAM_EMBED_URL_FR: 'https://player.example.org/embed/fr',
				PUBLIC_LIVESTREAM_URL_EN: 'https://other.example.net/'
			})
		).toEqual(['https://player.example.org']);
	});

	it('refuses players that are not https', () => {
		for (const value of ['http://player.example.org/embed', 'javascript:alert(1)', 'data:text/html,x', 'not a url', 'https://user:pw@player.example.org/']) {
			expect(embeddableUrl(value), value).toBeUndefined();
			expect(frameSources({ PUBLIC_LIVESTREAM_EMBED_URL_FR: value }), value).toEqual([]);
		}
	});
});

describe('the Content-Security-Policy of the build', () => {
	const name = 'PUBLIC_LIVESTREAM_EMBED_URL_FR';
	const frameSrc = async () => {
		vi.resetModules();
		// Through a variable: the type checker need not walk the config (its CSP strings are checked by SvelteKit).
		const path = '../../../svelte.config.js';
		const { default: config } = await import(/* @vite-ignore */ path);
		return config.kit.csp.directives['frame-src'];
	};
	afterEach(() => {
		delete process.env[name];
	});

	it('allows frames from the player set, and from nowhere else', async () => {
		process.env[name] = 'https://player.example.org/embed/fr';
		expect(await frameSrc()).toEqual(['https://player.example.org']);
	});

	it('allows no frame at all without a player', async () => {
		expect(await frameSrc()).toEqual(['none']);
	});
});
