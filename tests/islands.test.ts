import { expect, test } from '@playwright/test';
import { scrollToDeferredIslands } from './support/islands';
import { t } from './support/words';

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

test("what runs before the first paint is small: Svelte comes after it, in one chunk, with one chunk per island of the page", async ({ page, request }) => {
	// The static import graph of /islands.js: all a browser must fetch and run before the loader can wait for the paint.
	const loaded = new Map<string, string>();
	const pending = ['/islands.js'];
	while (pending.length > 0) {
		const path = pending.pop()!;
		if (loaded.has(path)) continue;
		const source = await (await request.get(path)).text();
		loaded.set(path, source);
		for (const [, specifier] of source.matchAll(/import\s*(?:[\w{},*\s]+from\s*)?["'`]([^"'`]+)["'`]/g)) pending.push(new URL(specifier, `http://site${path}`).pathname);
	}
	const bytes = [...loaded.values()].reduce((sum, source) => sum + Buffer.byteLength(source), 0);
	// islands.js and the small chunk it shares with the islands' code (language names, scheduling).
	expect(loaded.size).toBeGreaterThanOrEqual(2);
	expect(loaded.size).toBeLessThanOrEqual(3);
	expect(bytes).toBeLessThan(6_000);
	expect([...loaded.values()].some((source) => source.includes('hydration_mismatch'))).toBe(false);

	// After the paint: Svelte in one chunk, and the page's islands (the questions panel on /fr/live only).
	const afterPaint = async (path: string, hydrated: string) => {
		const scripts: string[] = [];
		const listen = (response: import('@playwright/test').Response) => {
			if (response.request().resourceType() === 'script') scripts.push(new URL(response.url()).pathname);
		};
		page.on('response', listen);
		await page.goto(path);
		await scrollToDeferredIslands(page);
		await expect(page.locator(`[data-island="${hydrated}"][data-hydrated]`).first()).toBeVisible();
		page.off('response', listen);
		return Promise.all(scripts.filter((script) => !loaded.has(script)).map(async (script) => (await request.get(script)).text()));
	};
	const live = await afterPaint('/fr/live', 'QuestionsPanel');
	expect(live.filter((source) => source.includes('hydration_mismatch'))).toHaveLength(1);
	expect(live.some((source) => source.includes('/api/questions'))).toBe(true);
	const home = await afterPaint('/fr/', 'PledgeCounter');
	expect(home.filter((source) => source.includes('hydration_mismatch'))).toHaveLength(1);
	expect(home.some((source) => source.includes('/api/questions'))).toBe(false);
});

test('the browser gets no translator and no word files: each island brings the words it speaks, in the page’s language', async ({ page }) => {
	const bodies: string[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'document') bodies.push(await response.text().catch(() => ''));
	});
	await page.goto('/fr/live');
	await scrollToDeferredIslands(page);
	await expect(page.locator('[data-island="QuestionsPanel"][data-hydrated]')).toBeVisible();
	const words = JSON.parse((await page.locator('[data-island="PledgeCounter"]').first().getAttribute('data-words')) ?? '{}');
	expect(words['stream:counter.heading']).toBe(t.fr('stream:counter.heading'));
	// Neither the counter's words nor i18next's code come in a script or a file of their own.
	expect(bodies.some((body) => body.includes(t.fr('stream:counter.heading')))).toBe(false);
	expect(bodies.some((body) => body.includes('i18next'))).toBe(false);
});



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
	// In the agenda, each time is an island of its own.
	await expect(page.locator('#agenda .segment-time .local').first()).toContainText('Tokyo');
	await context.close();
});

test('a menu opened before its island mounts stays open, with the focus where it was', async ({ page }) => {
	// Hold the islands' module back, as a slow connection would, while the visitor opens the menu.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/islands.js', async (route) => {
		await held;
		await route.continue();
	});
	// A module script delays DOMContentLoaded: wait for the markup instead.
	await page.goto('/fr/live', { waitUntil: 'commit' });
	const summary = page.locator('#join details summary');
	await summary.focus();
	await page.keyboard.press('Enter');
	await expect(page.locator('#join details')).toHaveJSProperty('open', true);
	await summary.evaluate((element) => element.setAttribute('data-server-copy', ''));
	release();
	// Hydrated in place: the server's own elements are kept (the mark is still there), open and focused.
	await expect(page.locator('#join [data-island="AddToCalendar"][data-hydrated]')).toHaveCount(1, { timeout: 10_000 });
	await expect(page.locator('#join summary[data-server-copy]')).toHaveCount(1);
	await expect(page.locator('#join details')).toHaveJSProperty('open', true);
	await expect(summary).toBeFocused();
	// And the island works: Escape closes it.
	await page.keyboard.press('Escape');
	await expect(page.locator('#join details')).toHaveJSProperty('open', false);
});
