import { expect, test, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { event } from '$lib/event/event';
import { t } from './support/words';

const LANGS = [
	{ lang: 'en', segment: t.en('event:agenda.welcome'), address: t.en('share:print.address') },
	{ lang: 'fr', segment: t.fr('event:agenda.welcome'), address: t.fr('share:print.address') }
] as const;

/** The page's own public address, as its head declares it. */
function canonicalUrl(page: Page) {
	return page.locator('link[rel="canonical"]').getAttribute('href');
}

/** Decodes the QR code image on the page: rasterised by the browser, read by a QR decoder. */
async function decodeQrCode(page: Page): Promise<string | undefined> {
	const pixels = await page.locator('.print-reference img').evaluate(async (image: HTMLImageElement) => {
		await image.decode();
		const size = 400;
		const canvas = document.createElement('canvas');
		canvas.width = canvas.height = size;
		const context = canvas.getContext('2d')!;
		context.drawImage(image, 0, 0, size, size);
		return { size, data: Array.from(context.getImageData(0, 0, size, size).data) };
	});
	return jsQR(Uint8ClampedArray.from(pixels.data), pixels.size, pixels.size)?.data;
}

for (const { lang, segment, address } of LANGS) {
	test(`printing /${lang}/ hides navigation and shows the agenda, speakers, practical details and the address`, async ({ page }) => {
		await page.goto(`/${lang}/`);
		const url = await canonicalUrl(page);
		await expect(page.locator('.print-reference')).toBeHidden();
		const navigations = await page.getByRole('navigation').all();
		expect(navigations.length).toBeGreaterThan(0);

		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		for (const navigation of navigations) await expect(navigation).toBeHidden();
		await expect(page.locator('.site-footer')).toBeHidden();
		await expect(page.locator('#follow')).toBeHidden();
		await expect(page.locator('#agenda')).toBeVisible();
		await expect(page.locator('#agenda')).toContainText(segment);
		await expect(page.locator('#speakers')).toBeVisible();
		await expect(page.locator('#practical')).toBeVisible();
		await expect(page.locator('.print-reference')).toBeVisible();
		await expect(page.locator('.print-reference')).toContainText(`${address} ${url}`);
	});

	for (const format of ['A4', 'Letter'] as const) {
		test(`/${lang}/ prints on one ${format} page`, async ({ page }) => {
			await page.goto(`/${lang}/`);
			await page.locator('.print-reference img').evaluate((image: HTMLImageElement) => image.decode());
			const pdf = (await page.pdf({ format })).toString('latin1');
			expect(pdf.match(/\/Type\s*\/Page(?!s)/g)).toHaveLength(1);
		});
	}

	test(`the QR code on /${lang}/ decodes to the page's address`, async ({ page }) => {
		await page.goto(`/${lang}/`);
		await page.emulateMedia({ media: 'print' });
		const url = await canonicalUrl(page);
		expect(url).toMatch(new RegExp(`^https?://.+/${lang}/$`));
		expect(await decodeQrCode(page)).toBe(url);
	});

	test(`the share links on /${lang}/ carry the page's address and the hashtags`, async ({ page }) => {
		await page.goto(`/${lang}/`);
		const url = (await canonicalUrl(page))!;
		const links = page.locator('#follow a[data-share]');
		await expect(links).toHaveCount(5);
		for (const href of await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')!))) {
			expect(decodeURIComponent(href), href).toContain(url);
		}
		const x = new URL((await page.locator('a[data-share="x"]').getAttribute('href'))!);
		expect(x.searchParams.get('hashtags')).toBe(event.hashtags.join(','));
		expect(decodeURIComponent((await page.locator('a[data-share="email"]').getAttribute('href'))!)).toContain(event.hashtags.map((tag) => `#${tag}`).join(' '));
	});
}

test('the native share button appears where the browser can share, and shares the page', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(navigator, 'share', {
			value: async (data: ShareData) => {
				(window as unknown as { shared: ShareData }).shared = data;
			}
		});
	});
	await page.goto('/fr/');
	const url = await canonicalUrl(page);
	await page.getByRole('button', { name: t.fr('share:native') }).click();
	const shared = await page.evaluate(() => (window as unknown as { shared: ShareData }).shared);
	expect(shared.url).toBe(url);
	expect(shared.text).toContain(`#${event.hashtags[0]}`);
});

test('without a share sheet there is no share button, only links', async ({ page }) => {
	await page.addInitScript(() => Object.defineProperty(navigator, 'share', { value: undefined }));
	await page.goto('/en/');
	await expect(page.locator('a[data-share="linkedin"]')).toBeVisible();
	await expect(page.getByRole('button', { name: t.en('share:native') })).toHaveCount(0);
});

for (const lang of ['en', 'fr']) {
	test(`the Open Graph image of /${lang}/ is a 1200×630 PNG`, async ({ page, request }) => {
		await page.goto(`/${lang}/`);
		const image = new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
		expect(image.pathname).toBe(`/og/${lang}.png`);
		const response = await request.get(image.pathname);
		expect(response.headers()['content-type']).toBe('image/png');
		const bytes = await response.body();
		expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
	});
}
