import { describe, expect, it } from 'vitest';
import { webManifest } from './manifest';

const words = { name: 'De Marrakech à New York', shortName: 'Événement IMRF', description: 'Événement parallèle' };
const icons = [
	{ name: 'icon-192', size: 192, variant: 'any' },
	{ name: 'maskable-512', size: 512, variant: 'maskable' }
] as const;

describe('web app manifest', () => {
	it('installs the event page of its own language', () => {
		const manifest = webManifest('fr', words, icons);
		expect(manifest).toMatchObject({ lang: 'fr', dir: 'ltr', start_url: '/fr/', scope: '/fr/', id: '/fr/', name: words.name, short_name: words.shortName });
	});

	it('lists each icon with its size, type and purpose', () => {
		expect(webManifest('en', words, icons).icons).toEqual([
			{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
			{ src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
		]);
	});
});
