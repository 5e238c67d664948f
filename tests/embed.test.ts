import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createOrganizerToken, recordPledge } from './support/organizer-token';
import { uniqueTitle } from './support/organizers';

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
