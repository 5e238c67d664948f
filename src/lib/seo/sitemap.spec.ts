import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '$lib/i18n/languages';
import { INDEXED_PAGES } from '$lib/event/pages';
import { robotsTxt, sitemapXml } from './sitemap';

const ORIGIN = 'https://event.example.org';

describe('sitemap.xml', () => {
	const xml = sitemapXml(ORIGIN);
	const urls = [...xml.matchAll(/<url>([\s\S]*?)<\/url>/g)].map(([, body]) => ({
		loc: /<loc>([^<]+)<\/loc>/.exec(body)?.[1],
		alternates: Object.fromEntries([...body.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => [lang, href]))
	}));

	it('lists every indexed page in every language, by absolute URL', () => {
		expect(urls.map((url) => url.loc).sort()).toEqual(INDEXED_PAGES.flatMap((page) => LANGUAGES.map((lang) => `${ORIGIN}/${lang}${page}`)).sort());
	});

	it('gives each page its language versions and an x-default as hreflang alternates', () => {
		for (const url of urls) {
			const page = url.loc!.replace(/^https:\/\/event\.example\.org\/[^/]+/, '');
			expect(url.alternates).toEqual({
				...Object.fromEntries(LANGUAGES.map((lang) => [lang, `${ORIGIN}/${lang}${page}`])),
				'x-default': `${ORIGIN}/en${page}`
			});
		}
	});

	it('is a sitemaps.org urlset with the xhtml namespace for the alternates', () => {
		expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml="http:\/\/www.w3.org\/1999\/xhtml">/);
	});

	it('escapes what XML would read as markup', () => {
		expect(sitemapXml('https://example.org/?a=1&b=2')).toContain('a=1&#38;b=2');
	});
});

describe('robots.txt', () => {
	it('names the sitemap by its absolute URL', () => {
		expect(robotsTxt(ORIGIN)).toMatch(/^Sitemap: https:\/\/event\.example\.org\/sitemap\.xml$/m);
	});
});
