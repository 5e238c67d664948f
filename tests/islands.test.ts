import { expect, test } from '@playwright/test';

// The public pages ship no client-side app (csr = false): one module mounts their islands.
for (const path of ['/en/', '/fr/live', '/en/pledges', '/fr/screen']) {
	test(`${path} loads the islands' module and no client-side app`, async ({ page }) => {
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
		});
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		expect(scripts).toContain('/islands.js');
		expect(scripts.filter((script) => script.startsWith('/_app/immutable/entry/') || script.startsWith('/_app/immutable/nodes/'))).toEqual([]);
	});
}

test("the islands' module is checked again on each visit (a deploy replaces it)", async ({ request }) => {
	const response = await request.get('/islands.js');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('javascript');
	expect(response.headers()['cache-control']).toBe('no-cache');
	const etag = response.headers()['etag'];
	expect(etag).toBeTruthy();
	expect((await request.get('/islands.js', { headers: { 'if-none-match': etag } })).status()).toBe(304);
});

test('an island keeps working where the server left it: the visitor’s own time zone is added', async ({ browser }) => {
	const context = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
	const page = await context.newPage();
	await page.goto('/fr/live');
	// Inside the agenda island (mounted with the live agenda), and in its own.
	await expect(page.locator('#agenda .segment-time .local').first()).toContainText('Tokyo');
	await context.close();
});
