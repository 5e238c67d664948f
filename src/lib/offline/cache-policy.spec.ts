import { describe, expect, it } from 'vitest';
import { cacheName, isCacheable, isPrecached, languageHome } from './cache-policy';

describe('offline cache policy', () => {
	it('names a cache per deploy version', () => {
		expect(cacheName('123')).not.toBe(cacheName('124'));
	});

	it('never caches the API, the organizers console or the health check', () => {
		for (const path of ['/api/pledges', '/api/pledges/stream', '/api', '/organizers', '/organizers/sign-in', '/healthz']) {
			expect(isCacheable(path), path).toBe(false);
		}
	});

	it('never caches the channel choice, a redirect that depends on the cookie', () => {
		for (const path of ['/en/watch', '/fr/watch/floor']) expect(isCacheable(path), path).toBe(false);
		expect(isCacheable('/en/watchlist')).toBe(true);
	});

	it('never caches the broadcast overlay, which is live or nothing', () => {
		for (const path of ['/en/overlay', '/fr/overlay', '/fr/overlay/']) expect(isCacheable(path), path).toBe(false);
		expect(isCacheable('/en/overlays')).toBe(true);
	});

	it('never caches the feeds of progress and the pledges’ badges, which readers ask for again with their ETag', () => {
		for (const path of ['/en/pledges/feed.xml', '/fr/pledges/6f1c1f5e-3c1a-4c1e-9a1e-2b1f0c1d2e3f/feed.xml', '/badges/pledges/6f1c1f5e-3c1a-4c1e-9a1e-2b1f0c1d2e3f.svg']) {
			expect(isCacheable(path), path).toBe(false);
		}
	});

	it('caches pages, assets and calendar files', () => {
		for (const path of ['/en/', '/fr/', '/_app/immutable/entry/start.js', '/en/calendar.ics', '/og/fr.png', '/apiary']) {
			expect(isCacheable(path), path).toBe(true);
		}
	});

	it('falls back to the event page in the address language', () => {
		expect(languageHome('/fr/pledges')).toBe('/fr/');
		expect(languageHome('/en/live')).toBe('/en/');
		expect(languageHome('/')).toBe('/en/');
	});

	it('downloads pages, assets and calendars ahead, not the share cards', () => {
		expect(isPrecached('/fr/')).toBe(true);
		expect(isPrecached('/fr/calendar.ics')).toBe(true);
		expect(isPrecached('/og/fr.png')).toBe(false);
		expect(isPrecached('/api/pledges')).toBe(false);
	});
});
