import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { event } from '$lib/event/event';
import { startRedeployProxy } from './support/redeploy-proxy';
import { t } from './support/words';

// The configuration blocks service workers for every other test.
test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker is active and controls the page. */
async function waitForServiceWorker(page: Page) {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
		}
	});
}

/** The deploy version of the service worker that controls the page. */
function serviceWorkerVersion(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const controller = navigator.serviceWorker.controller;
				if (!controller) return reject(new Error('no controlling service worker'));
				const channel = new MessageChannel();
				channel.port1.onmessage = (message) => resolve(String(message.data));
				controller.postMessage('version', [channel.port2]);
			})
	);
}

/**
 * Cuts the network, then opens `path` (from the service worker's cache). Debian's Chromium 150
 * leaves `navigator.onLine` true in a document loaded while the context is already emulated offline
 * (the emulation reaches documents open when it is set); setting it again once the page is there
 * tells that document too, as a real network loss would.
 */
async function gotoOffline(page: Page, context: BrowserContext, path: string) {
	await context.setOffline(true);
	await page.goto(path);
	if (await page.evaluate(() => navigator.onLine)) {
		await context.setOffline(false);
		await context.setOffline(true);
	}
}

test('after one visit, both languages show the agenda with the network cut', async ({ page, context }) => {
	await page.goto('/en/');
	await waitForServiceWorker(page);
	// French was never opened: it was cached ahead with the English visit.
	await gotoOffline(page, context, '/fr/');
	await expect(page.locator('#agenda')).toContainText(t.fr('event:agenda.welcome'));
	await expect(page.locator('#speakers')).toContainText(event.speakers[0].name);
	await expect(page.locator('#practical')).toContainText(t.fr('event:practical.interpretation'));
	await expect(page.locator('.offline-status[role="status"]')).toContainText(t.fr('offline:title'));

	await gotoOffline(page, context, '/en/');
	await expect(page.locator('#agenda')).toContainText(t.en('event:agenda.welcome'));
	await expect(page.locator('.offline-status[role="status"]')).toContainText(t.en('offline:title'));

	// The calendar files too, for "add to calendar" in the room.
	for (const lang of ['en', 'fr']) {
		const calendar = await page.evaluate(async (path) => (await fetch(path)).text(), `/${lang}/calendar.ics`);
		expect(calendar).toContain('BEGIN:VCALENDAR');
	}
});

test('the livestream companion, never opened, reads offline and says live data is paused', async ({ page, context }) => {
	await page.goto('/en/');
	await waitForServiceWorker(page);
	await gotoOffline(page, context, '/fr/live');
	await expect(page.locator('h1')).toContainText(t.fr('live:title'));
	await expect(page.locator('.offline-status[role="status"]')).toContainText(t.fr('offline:text'));
});

test('a server-rendered page visited once reads offline as last seen', async ({ page, context }) => {
	await page.goto('/fr/pledges');
	await waitForServiceWorker(page);
	await expect.poll(() => page.evaluate(async () => Boolean(await caches.match('/fr/pledges')))).toBe(true);
	await gotoOffline(page, context, '/fr/pledges');
	await expect(page.locator('h1')).toContainText(t.fr('pledges:public.title'));
	await expect(page.locator('.offline-status[role="status"]')).toContainText(t.fr('offline:title'));
});

test('the offline notice goes away by itself when the connection returns', async ({ page, context }) => {
	await page.goto('/en/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await expect(page.locator('.offline-status[role="status"]')).toContainText(t.en('offline:text'));
	await context.setOffline(false);
	await expect(page.locator('.offline-status[role="status"]')).toBeEmpty();
});

test('offline, an address never visited leads to the event page in its language', async ({ page, context }) => {
	await page.goto('/fr/');
	await waitForServiceWorker(page);
	await context.setOffline(true);
	await page.goto('/fr/page-jamais-vue');
	await expect(page).toHaveURL(/\/fr\/$/);
	await expect(page.locator('#agenda')).toContainText(t.fr('event:agenda.panel'));
});

test('the live API is never answered from the cache', async ({ page, context }) => {
	await page.goto('/en/');
	await waitForServiceWorker(page);
	const health = await page.evaluate(async () => (await fetch('/healthz')).status);
	expect(health).toBe(200);
	await context.setOffline(true);
	const offline = await page.evaluate(() => fetch('/healthz').then((response) => response.status, () => 'failed'));
	expect(offline).toBe('failed');
	const cached = await page.evaluate(async () => (await caches.keys()).length > 0 && (await (await caches.open((await caches.keys())[0])).keys()).map((request) => new URL(request.url).pathname));
	expect(cached).toEqual(expect.arrayContaining(['/en/', '/fr/']));
	expect((cached as string[]).filter((path) => path.startsWith('/api/') || path.startsWith('/organizers'))).toEqual([]);
});

test("a new build's service worker replaces the old one on a next navigation", async ({ page, request, baseURL }) => {
	// The new worker downloads the whole site (through a proxy) before it takes over: on a 2-core machine
	// busy with the rest of the suite this alone can take most of a normal test's time.
	test.slow();
	const { version } = (await (await request.get('/_app/version.json')).json()) as { version: string };
	const proxy = await startRedeployProxy(baseURL!, version);
	try {
		await page.goto(`${proxy.origin}/en/`);
		await waitForServiceWorker(page);
		expect(await serviceWorkerVersion(page)).toBe(version);

		const next = `${version}-next`;
		proxy.deploy(next);
		// Each navigation makes the browser look for a new worker; one whose download of the site failed
		// midway (a busy proxy) is not installed, and the next navigation tries again, as a visitor's would.
		await expect
			.poll(
				async () => {
					await page.goto(`${proxy.origin}/fr/`);
					return serviceWorkerVersion(page);
				},
				{ timeout: 120_000, intervals: [1_000, 2_000, 5_000] }
			)
			.toBe(next);
		// The old deploy's cache is gone: no visitor is left on its pages.
		await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 10_000 }).toEqual([`imrf-offline-${next}`]);
		await page.reload();
		await expect(page.locator('#agenda')).toContainText(t.fr('event:agenda.welcome'));
		expect(await serviceWorkerVersion(page)).toBe(next);
	} finally {
		await proxy.close();
	}
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer) {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

for (const lang of ['en', 'fr'] as const) {
	test(`the ${lang} page links a valid web app manifest whose icons are PNGs of their stated size`, async ({ page, request }) => {
		await page.goto(`/${lang}/`);
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBe(`/${lang}/manifest.webmanifest`);

		const response = await request.get(href!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toContain('application/manifest+json');
		const manifest = await response.json();
		expect(manifest).toMatchObject({ lang, dir: 'ltr', start_url: `/${lang}/`, scope: `/${lang}/`, display: 'standalone' });
		expect(manifest.name).toContain(t[lang]('event:title'));
		expect(manifest.short_name.length).toBeLessThanOrEqual(15);
		expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);

		const purposes = new Set<string>();
		for (const icon of manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]) {
			const image = await request.get(icon.src);
			expect(image.headers()['content-type']).toBe('image/png');
			expect(pngSize(await image.body())).toBe(icon.sizes);
			purposes.add(icon.purpose);
		}
		expect([...purposes].sort()).toEqual(['any', 'maskable']);
		expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
	});
}
