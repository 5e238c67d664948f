import { INDEXED_PAGES } from '$lib/event/pages';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '$lib/i18n/languages';

const escapeXml = (text: string) => text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
const pageUrl = (origin: string, lang: Language, page: string) => escapeXml(`${origin}/${lang}${page}`);

/**
 * sitemap.xml (sitemaps.org 0.9): every indexed page in every language, each listing all its
 * language versions and the default one as `hreflang` alternates (the form Google reads).
 */
export function sitemapXml(origin: string, pages: readonly string[] = INDEXED_PAGES): string {
	const alternates = (page: string) =>
		[...LANGUAGES.map((lang) => [lang, lang] as const), ['x-default', DEFAULT_LANGUAGE] as const]
			.map(([hreflang, lang]) => `\n    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${pageUrl(origin, lang, page)}"/>`)
			.join('');
	const urls = pages.flatMap((page) => LANGUAGES.map((lang) => `  <url>\n    <loc>${pageUrl(origin, lang, page)}</loc>${alternates(page)}\n  </url>`));
	return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${urls.join('\n')}
</urlset>
`;
}

/** robots.txt: everything may be crawled (the console says noindex itself), and where the sitemap is. */
export function robotsTxt(origin: string): string {
	return `User-agent: *\nAllow: /\n\nSitemap: ${origin}/sitemap.xml\n`;
}
