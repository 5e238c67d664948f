import { describe, expect, it } from 'vitest';
import { renderedPages, type RenderedPage } from './rendered-pages';

const bytes = (text: string) => new TextEncoder().encode(text);
const page = (body: string, encoded: RenderedPage['encoded'] = {}): RenderedPage => ({ body: bytes(body), headers: [], encoded });

describe('renderedPages', () => {
	it('serves a page only for the version it was rendered for', () => {
		const pages = renderedPages({ maxEntries: 4, maxBytes: 1024 });
		pages.set(7, '/en/pledges', page('seven'));
		expect(pages.get(7, '/en/pledges')?.body).toEqual(bytes('seven'));
		expect(pages.get(8, '/en/pledges')).toBeUndefined();
	});

	it('keeps at most its number of pages, the least recently served going first', () => {
		const pages = renderedPages({ maxEntries: 2, maxBytes: 1024 });
		pages.set(1, 'a', page('a'));
		pages.set(1, 'b', page('b'));
		pages.get(1, 'a');
		pages.set(1, 'c', page('c'));
		expect(pages.size).toBe(2);
		expect(pages.get(1, 'b')).toBeUndefined();
		expect(pages.get(1, 'a')?.body).toEqual(bytes('a'));
	});

	it('keeps at most its bytes, and never a page larger than all of them', () => {
		const pages = renderedPages({ maxEntries: 100, maxBytes: 40 });
		pages.set(1, 'a', page('x'.repeat(15)));
		pages.set(1, 'b', page('x'.repeat(15)));
		pages.set(1, 'c', page('x'.repeat(15)));
		expect(pages.size).toBe(2);
		pages.set(1, 'huge', page('x'.repeat(41)));
		expect(pages.get(1, 'huge')).toBeUndefined();
		pages.clear();
		expect(pages.size).toBe(0);
	});

	it('counts a page’s compressed copies in its bytes', () => {
		const pages = renderedPages({ maxEntries: 100, maxBytes: 40 });
		pages.set(1, 'a', page('x'.repeat(15), { gzip: bytes('g'.repeat(10)) }));
		pages.set(1, 'b', page('x'.repeat(15), { br: bytes('b'.repeat(10)) }));
		expect(pages.size).toBe(1);
		expect(pages.get(1, 'b')).toBeDefined();
	});
});
