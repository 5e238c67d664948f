import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOrganizerToken, recordPledge } from './support/organizer-token';
import { signIn, uniqueTitle } from './support/organizers';
import { t } from './support/words';
import { event } from '$lib/event/event';
import { EMBED_COUNTER_FITS, EMBED_COUNTER_FRAME, embedSnippet } from '$lib/pledges/embed';

const numberIn = (text: string) => Number(text.replace(/\D/g, ''));

for (const lang of ['en', 'fr']) {
	test(`the ${lang} embed shows the count without JavaScript and updates live after a pledge`, async ({ page, baseURL, request }) => {
		const { count } = await (await request.get('/api/pledges?limit=1')).json();
		const html = await (await request.get(`/${lang}/embed/counter`)).text();
		expect(html).toContain(`/${lang}/pledges`);
		expect(html).toMatch(/class="number[^"]*"[^>]*>[\d\s\u202f,.]+</);
		await page.goto(`/${lang}/embed/counter`);
		const number = page.locator('.pledge-counter .number');
		expect(numberIn((await number.textContent()) ?? '')).toBeGreaterThanOrEqual(count);
		await expect(page.locator('.pledge-counter')).toHaveAttribute('data-status', 'live');
		const before = numberIn((await number.textContent()) ?? '');
		await recordPledge(baseURL!, createOrganizerToken(), uniqueTitle('embed'));
		await expect.poll(async () => numberIn((await number.textContent()) ?? '')).toBeGreaterThan(before);
		await expect(page.getByRole('link')).toHaveAttribute('target', '_blank');
	});
}

test('axe finds nothing on the embed page', async ({ page }) => {
	await page.goto('/en/embed/counter');
	const results = await new AxeBuilder({ page }).analyze();
	expect(results.violations).toEqual([]);
});

test('only the embed relaxes frame-ancestors', async ({ request }) => {
	const embed = (await request.get('/en/embed/counter')).headers();
	expect(embed['content-security-policy']).toContain('frame-ancestors *');
	expect(embed['content-security-policy']).not.toContain("frame-ancestors 'none'");
	expect(embed['x-frame-options']).toBeUndefined();
	for (const path of ['/en/', '/en/pledges', '/fr/pledges']) {
		const headers = (await request.get(path)).headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['x-frame-options']).toBe('DENY');
	}
});

test('a page of another origin can frame the embed but not the other pages', async ({ page, baseURL }) => {
	const partner = http.createServer((req, res) => {
		const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>Partner</title><iframe src="${baseURL}${src}" title="IMRF"></iframe>`);
	});
	await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
	const partnerOrigin = `http://127.0.0.1:${(partner.address() as AddressInfo).port}`;
	try {
		await page.goto(`${partnerOrigin}/?src=/en/embed/counter`);
		await expect(page.frameLocator('iframe').locator('.pledge-counter .number')).toBeVisible();
		for (const path of ['/en/', '/en/pledges']) {
			await page.goto(`${partnerOrigin}/?src=${path}`);
			// goto waits for the partner's load event, which waits for its frame: blocked, it holds an error document.
			const frame = page.frames().find((f) => f !== page.mainFrame());
			expect(frame).toBeDefined();
			expect(await frame!.locator('main').count()).toBe(0);
		}
	} finally {
		partner.close();
	}
});

/** A partner's page of another origin, holding `html`. */
async function partnerPage(html: string): Promise<{ url: string; close: () => void }> {
	const partner = http.createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
	await new Promise<void>((resolve) => partner.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(partner.address() as AddressInfo).port}/`, close: () => partner.close() };
}

/** The frame's page as measured inside it: what overflows, and where each part sits. */
async function measureFrame(page: import('@playwright/test').Page) {
	const frame = page.frameLocator('iframe');
	await expect(frame.locator('.pledge-counter')).toHaveAttribute('data-status', 'live');
	return frame.locator('html').evaluate((root) => {
		const box = (selector: string) => {
			const rect = document.querySelector(selector)!.getBoundingClientRect();
			return { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) };
		};
		return {
			viewport: { width: window.innerWidth, height: window.innerHeight },
			scroll: { width: root.scrollWidth, height: root.scrollHeight },
			parts: { heading: box('h1'), number: box('.number'), unit: box('.unit'), status: box('.status'), link: box('.more a') }
		};
	});
}

const sizes = [EMBED_COUNTER_FITS.smallest, EMBED_COUNTER_FRAME, EMBED_COUNTER_FITS.largest];
for (const lang of ['en', 'fr'] as const) {
	for (const size of sizes) {
		test(`${lang}: the counter fits a ${size.width}×${size.height} frame without scrolling, its status and link in view`, async ({ page, baseURL }) => {
			// The console's own snippet, at the size being tried.
			const snippet = embedSnippet(baseURL!, lang, t[lang]('pledges:embed.heading'))
				.replace(/width="\d+"/, `width="${size.width}"`)
				.replace(/height="\d+"/, `height="${size.height}"`)
				.replace(' loading="lazy"', '');
			const partner = await partnerPage(`<!doctype html><title>Partner</title><body style="margin:0">${snippet}</body>`);
			await page.goto(partner.url);
			const measured = await measureFrame(page).finally(partner.close);
			expect(measured.viewport).toEqual(size);
			expect(measured.scroll).toEqual(size);
			for (const [name, part] of Object.entries(measured.parts)) {
				expect(part.x >= 0 && part.y >= 0 && part.x + part.width <= size.width && part.y + part.height <= size.height, `${name} ${JSON.stringify(part)}`).toBe(true);
			}
			// Followed live; after the event the badge says the count is current.
			const isOver = Date.now() >= new Date(event.end).getTime();
			await expect(page.frameLocator('iframe').locator('.status')).toHaveText(t[lang](isOver ? 'stream:counter.status.current' : 'stream:counter.status.live'));
			console.log(`embed ${lang} ${size.width}×${size.height}:`, JSON.stringify(measured.parts));
		});
	}
}

test('the counter follows the host page’s scheme on request (?theme=light|dark), else the system’s', async ({ page }) => {
	const background = () => page.locator('.embed').evaluate((element) => getComputedStyle(element).backgroundColor);
	await page.emulateMedia({ colorScheme: 'light' });
	await page.goto('/en/embed/counter?theme=dark');
	const dark = await background();
	await page.goto('/en/embed/counter');
	const light = await background();
	expect(dark).not.toBe(light);
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/en/embed/counter');
	expect(await background()).toBe(dark);
	await page.goto('/en/embed/counter?theme=light');
	expect(await background()).toBe(light);
});

test('the console’s snippet says which frame sizes fit and how to pick a scheme', async ({ page }) => {
	await signIn(page);
	const { smallest, largest } = EMBED_COUNTER_FITS;
	await expect(page.getByText(t.en('organizers:embed.sizes', { smallestWidth: smallest.width, smallestHeight: smallest.height, largestWidth: largest.width, largestHeight: largest.height }))).toBeVisible();
	await expect(page.locator('.snippet')).toContainText(`width="${EMBED_COUNTER_FRAME.width}" height="${EMBED_COUNTER_FRAME.height}"`);
});
