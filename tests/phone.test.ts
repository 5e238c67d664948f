import { expect, test, type Page } from '@playwright/test';
import { LIMITS } from '$lib/pledges/schema';
import { sharedOrganizer, signIn, uniqueTitle } from './support/organizers';
import { recordPledge } from './support/organizer-token';
import { t } from './support/words';

// A phone (390 px) and the forms: measured in the browser (rows, heights, lines), not by pixels.

/** The distinct rows the header's parts sit on, and the header's box. */
async function headerRows(page: Page) {
	const rows = await page.locator('.header-inner > *').evaluateAll((parts) => {
		// A part starts a new row when it sits wholly below the row before (parts of one row may be centred, not top-aligned).
		const boxes = parts.map((part) => part.getBoundingClientRect()).sort((a, b) => a.top - b.top);
		let count = 0;
		let rowBottom = -Infinity;
		for (const box of boxes) {
			if (box.top >= rowBottom - 1) count += 1;
			rowBottom = Math.max(box.top >= rowBottom - 1 ? box.bottom : rowBottom, box.bottom);
		}
		return count;
	});
	return { rows, box: await page.locator('.site-header').boundingBox() };
}

let pledgeId: string;
let longTitle: string;
test.beforeAll(async ({ baseURL }) => {
	// A title as long as the site allows, made of the event's own words.
	longTitle = `${uniqueTitle(t.en('event:description'))} ${t.en('event:description')}`.slice(0, LIMITS.title);
	pledgeId = (await recordPledge(baseURL!, sharedOrganizer().token, longTitle)).id;
});

for (const lang of ['en', 'fr'] as const) {
	test(`${lang}: at 390 px the header takes two rows, never a third for the language alone`, async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		for (const path of [`/${lang}/`, `/${lang}/pledges`, `/${lang}/pledges/${pledgeId}`]) {
			await page.goto(path);
			const { rows, box } = await headerRows(page);
			expect(rows, path).toBeLessThanOrEqual(2);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
			console.log(`phone header ${path}: ${rows} rows, ${JSON.stringify(box)}`);
		}
	});

	test(`${lang}: "Pledges" is marked current on a pledge's page`, async ({ page }) => {
		await page.goto(`/${lang}/pledges/${pledgeId}`);
		const nav = page.getByRole('navigation', { name: t[lang]('nav.label') });
		await expect(nav.getByRole('link', { name: t[lang]('nav.pledges') })).toHaveAttribute('aria-current', /.+/);
		await expect(nav.getByRole('link', { name: t[lang]('nav.event') })).not.toHaveAttribute('aria-current');
	});
}

test('a long pledge title is a heading of a few lines, not a poster', async ({ page }) => {
	for (const width of [390, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		await page.goto(`/en/pledges/${pledgeId}`);
		const h1 = page.getByRole('heading', { level: 1 });
		const { lines, size } = await h1.evaluate((element) => {
			const style = getComputedStyle(element);
			return { lines: Math.round(element.getBoundingClientRect().height / parseFloat(style.lineHeight)), size: parseFloat(style.fontSize) };
		});
		// As many lines as the body's text would take, or fewer: no larger than body text by more than a quarter.
		const body = await page.locator('dd').first().evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
		expect(size, `${width} px`).toBeLessThanOrEqual(body * 1.4);
		if (width === 1280) expect(lines).toBeLessThanOrEqual(4);
	}
});

test('the pledge filter: one control height, one baseline for the lists and the button', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/en/pledges');
	const form = page.locator('.pledge-filter');
	const heights = await form.locator('input[type="search"], select, button').evaluateAll((controls) => controls.map((control) => Math.round(control.getBoundingClientRect().height)));
	expect(new Set(heights).size, JSON.stringify(heights)).toBe(1);
	const bottoms = await form.locator('select, button').evaluateAll((controls) => controls.map((control) => Math.round(control.getBoundingClientRect().bottom)));
	expect(new Set(bottoms).size, JSON.stringify(bottoms)).toBe(1);
});

test('the compacts’ pills carry no dotted underline', async ({ page }) => {
	await page.goto('/en/pledges');
	const decoration = await page.locator('.pledge-compacts abbr').first().evaluate((element) => getComputedStyle(element).textDecorationLine);
	expect(decoration).toBe('none');
});

test('the 404 page has the site’s header and navigation, in the address’s language', async ({ page }) => {
	for (const lang of ['en', 'fr'] as const) {
		const response = await page.goto(`/${lang}/no-such-page`);
		expect(response?.status()).toBe(404);
		const nav = page.getByRole('navigation', { name: t[lang]('nav.label') });
		await expect(nav.getByRole('link', { name: t[lang]('nav.pledges') })).toHaveAttribute('href', `/${lang}/pledges`);
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the console’s moderation page does not claim that its list updates by itself', async ({ page }) => {
		await signIn(page);
		await page.goto('/organizers/questions');
		await expect(page.getByText(t.en('organizers:questions.live'))).toBeHidden();
	});
});

test('the console’s buttons: one hierarchy (primary, secondary, destructive) of one height', async ({ page, baseURL }) => {
	await recordPledge(baseURL!, sharedOrganizer().token, uniqueTitle('Buttons'));
	await signIn(page);
	const style = (locator: ReturnType<Page['locator']>) =>
		locator.evaluate((element) => {
			const s = getComputedStyle(element);
			return { background: s.backgroundColor, border: s.borderTopColor, color: s.color, height: Math.round(element.getBoundingClientRect().height) };
		});
	const signOut = await style(page.getByRole('button', { name: t.en('organizers:signOut') }));
	const withdraw = await style(page.getByRole('button', { name: new RegExp(`^${t.en('organizers:ledger.withdraw')}`) }).first());
	const add = await style(page.locator('.pledge-form button[type="submit"]'));
	// Sign out is secondary (no fill), withdrawing is destructive (its own colour), adding is primary (filled).
	expect(signOut.background).toBe('rgba(0, 0, 0, 0)');
	expect(withdraw.border).not.toBe(signOut.border);
	expect(add.background).not.toBe('rgba(0, 0, 0, 0)');
	expect(new Set([signOut.height, withdraw.height, add.height]).size).toBe(1);
});
