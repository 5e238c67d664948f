import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { RECORDED_BY, recordPledge } from './support/organizer-token';
import { sharedOrganizer, uniqueTitle } from './support/organizers';
import { validateHtml } from './support/nu-validator';
import { t } from './support/words';

// A pledge on the city's own site: a frame any site may show, and an SVG badge.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// As long as a title may be, with words longer than a frame is wide.
const longTitle = () => uniqueTitle(`${'Reception and orientation centre for newcomers '.repeat(4)}${'Verylongunbrokenword'.repeat(3)}`).slice(0, 300);

test('a pledge’s embed fits 320×180 and 600×300 frames without scrolling, in both languages and without JavaScript', async ({ baseURL, browser }) => {
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, longTitle(), { government: `${RECORDED_BY.government} ${'and its districts '.repeat(6)}` });
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	for (const size of [{ width: 320, height: 180 }, { width: 600, height: 300 }]) {
		await page.setViewportSize(size);
		for (const lang of ['en', 'fr'] as const) {
			await page.goto(`/${lang}/embed/pledges/${id}`);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.getByRole('link', { name: t[lang]('follow:embed.link') })).toHaveAttribute('href', `/${lang}/pledges/${id}`);
			const overflow = await page.evaluate(() => ({
				x: document.documentElement.scrollWidth - document.documentElement.clientWidth,
				y: document.documentElement.scrollHeight - document.documentElement.clientHeight
			}));
			expect(overflow, `${lang} ${size.width}×${size.height}`).toEqual({ x: 0, y: 0 });
			await expect(page.getByRole('link', { name: t[lang]('follow:embed.link') })).toBeInViewport({ ratio: 1 });
		}
	}
	expect(await page.locator('script').count()).toBe(0);
	await context.close();
});

test('a pledge’s embed passes axe and the Nu validator in both languages; an unknown one is 404', async ({ baseURL, page, request }) => {
	// The Nu validator is a Java program: slow to start on a busy machine.
	test.setTimeout(180_000);
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, uniqueTitle('Embedded'));
	const documents: Record<string, string> = {};
	for (const lang of ['en', 'fr'] as const) {
		await page.goto(`/${lang}/embed/pledges/${id}`);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), lang).toEqual([]);
		documents[lang] = await (await request.get(`/${lang}/embed/pledges/${id}`)).text();
	}
	expect(await validateHtml(documents)).toEqual([]);
	expect((await request.get('/en/embed/pledges/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
});

test('only the embeds relax frame-ancestors: a pledge’s may be framed by another origin, its page not', async ({ baseURL, page, request }) => {
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, uniqueTitle('Framed'));
	const embed = (await request.get(`/en/embed/pledges/${id}`)).headers();
	expect(embed['content-security-policy']).toContain('frame-ancestors *');
	expect(embed['x-frame-options']).toBeUndefined();
	for (const path of [`/en/pledges/${id}`, '/en/embed/pledges/not-an-id', `/badges/pledges/${id}.svg`]) {
		const headers = (await request.get(path)).headers();
		expect(headers['x-frame-options'], path).toBe('DENY');
	}
	const partner = http.createServer((req, res) => {
		const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>City</title><iframe src="${baseURL}${src}" title="Pledge" width="320" height="180"></iframe>`);
	});
	await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
	try {
		await page.goto(`http://127.0.0.1:${(partner.address() as AddressInfo).port}/?src=/en/embed/pledges/${id}`);
		await expect(page.frameLocator('iframe').getByRole('heading', { level: 1 })).toBeVisible();
	} finally {
		partner.close();
	}
});

test('a pledge’s badge is an SVG named by its title, in the asked language, answering 304 to its ETag', async ({ baseURL, request }) => {
	const title = uniqueTitle('Badge & co');
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, title);
	for (const lang of ['en', 'fr'] as const) {
		const response = await request.get(`/badges/pledges/${id}.svg${lang === 'fr' ? '?lang=fr' : ''}`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
		const svg = await response.text();
		expect(svg).toMatch(/^<svg [^>]*role="img"/);
		expect(svg).toContain(t[lang]('follow:badge.label'));
		expect(svg).toContain(t[lang]('pledges:statuses.planned'));
		const etag = response.headers()['etag'];
		expect((await request.get(`/badges/pledges/${id}.svg${lang === 'fr' ? '?lang=fr' : ''}`, { headers: { 'if-none-match': etag } })).status()).toBe(304);
	}
	expect((await request.get('/badges/pledges/00000000-0000-4000-8000-000000000000.svg')).status()).toBe(404);
});
