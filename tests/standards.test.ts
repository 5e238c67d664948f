import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PUBLIC_PAGES as PAGES } from '../src/lib/event/pages';
import { signIn } from './support/organizers';
import { createOrganizerToken, recordPledge } from './support/organizer-token';
import { validateHtml } from './support/nu-validator';

// The built site checked by standard validators, with pledges present and the console signed in.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGUAGES = ['en', 'fr'];
const PUBLIC_PAGES = LANGUAGES.flatMap((lang) => PAGES.map((page) => `/${lang}${page}`));

let pledgeId = '';
test.beforeAll(async ({ baseURL }) => {
	({ id: pledgeId } = await recordPledge(baseURL!, createOrganizerToken(), 'Standards check: a welcome desk for newcomers'));
});

test('the W3C Nu validator finds no error in any page: both languages, pledges present, console signed in', async ({ page, baseURL }) => {
	test.setTimeout(120_000);
	const documents: Record<string, string> = {};
	const read = async (path: string, expectedStatus = 200) => {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(expectedStatus);
		documents[path] = await response.text();
	};
	for (const path of [...PUBLIC_PAGES, '/en/embed/counter', '/fr/embed/counter']) await read(path);
	for (const lang of LANGUAGES) await read(`/${lang}/pledges/${pledgeId}`);
	await read('/de/', 404);
	await read('/organizers?lang=fr');
	await signIn(page);
	for (const path of ['/organizers', '/organizers?lang=fr', '/organizers/import', '/organizers/audit', `/organizers/pledges/${pledgeId}`]) await read(path);
	expect(Object.keys(documents).length, baseURL).toBeGreaterThan(10);
	expect(await validateHtml(documents)).toEqual([]);
});

for (const path of ['/en/pledges', '/fr/screen']) {
	test(`axe finds nothing on ${path} once pledges exist (headings descend one level at a time)`, async ({ page }) => {
		await page.goto(path);
		await expect(page.locator('.latest-heading')).toBeVisible();
		const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});
}

test('axe finds no two landmarks with the same name in the signed-in console', async ({ page }) => {
	await signIn(page);
	await expect(page.locator('table')).toBeVisible();
	const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
});

test('server-rendered pages name their encoding: text/html; charset=utf-8', async ({ request }) => {
	for (const path of ['/en/pledges', '/organizers', '/en/']) {
		// Prerendered pages come from the static server (`text/html;charset=utf-8`), others from SvelteKit.
		expect((await request.get(path)).headers()['content-type'], path).toMatch(/^text\/html; ?charset=utf-8$/);
	}
});

test('robots.txt names the sitemap, and sitemap.xml lists both languages with hreflang alternates', async ({ request, baseURL }) => {
	const robots = await request.get('/robots.txt');
	const sitemapUrl = /^Sitemap: (\S+)$/m.exec(await robots.text())?.[1];
	expect(sitemapUrl).toMatch(/\/sitemap\.xml$/);
	const sitemap = await request.get(new URL(sitemapUrl!).pathname);
	expect(sitemap.headers()['content-type']).toMatch(/^(application|text)\/xml/);
	const xml = await sitemap.text();
	for (const lang of LANGUAGES) expect(xml).toContain(`hreflang="${lang}"`);
	// Every listed page answers (the URLs carry the configured origin; asked here of the test server).
	for (const [, loc] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) expect((await request.get(new URL(loc).pathname)).status(), `${loc} via ${baseURL}`).toBe(200);
});

test('Open Graph: one site name on every page, the card described, a theme colour', async ({ request }) => {
	const siteNames = new Set<string>();
	for (const path of PUBLIC_PAGES) {
		const html = await (await request.get(path)).text();
		siteNames.add(/<meta property="og:site_name" content="([^"]+)"/.exec(html)?.[1] ?? '');
		expect(html, path).toMatch(/<meta property="og:image:alt" content="[^"]{20,}"/);
		expect(html, path).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}"/);
	}
	expect([...siteNames].sort()).toEqual(['De Marrakech à New York', 'From Marrakech to New York']);
});
