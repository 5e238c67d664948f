import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { event } from '$lib/event/event';
import { isoInZone } from '$lib/i18n/format';
import { literally, t } from './support/words';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const LANGUAGES = ['en', 'fr'] as const;
// The event's instants in the forms the calendars read: YYYY-MM-DDTHH:MM:SSZ, and the same without separators.
const iso = (instant: Date) => literally(instant.toISOString().replace(/\.\d{3}Z$/, 'Z'));
const basic = (instant: Date) => literally(instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, ''));
/** The start as a wall-clock time in the event's zone, in iCalendar's basic form (YYYYMMDDTHHMMSS). */
const localStart = isoInZone(event.start, event.timeZone).slice(0, 19).replace(/[-:]/g, '');

/** The page with its scripts running (Escape and outside clicks need them). */
async function openPage(page: Page, lang: string) {
	await page.goto(`/${lang}/`);
	await page.waitForLoadState('networkidle');
}

const menuOf = (page: Page) => page.locator('#livestream details.add-to-calendar');

for (const lang of LANGUAGES) {
	test(`the menu opens from the keyboard and Escape closes it (${lang})`, async ({ page }) => {
		await openPage(page, lang);
		const summary = menuOf(page).locator('summary');
		await expect(summary).toHaveText(t[lang]('calendar:menu.button'));
		await summary.focus();
		await page.keyboard.press('Enter');
		await expect(menuOf(page)).toHaveAttribute('open', '');
		const first = menuOf(page).getByRole('link').first();
		await expect(first).toBeVisible();
		await page.keyboard.press('Tab');
		await expect(first).toBeFocused();
		await page.keyboard.press('Escape');
		await expect(menuOf(page)).not.toHaveAttribute('open', '');
		await expect(summary).toBeFocused();
	});

	test(`the menu lists the file, each web calendar and the subscription (${lang})`, async ({ page }) => {
		await openPage(page, lang);
		await menuOf(page).locator('summary').click();
		const href = (id: string) => menuOf(page).locator(`a[data-calendar="${id}"]`).getAttribute('href');
		expect(await href('ics')).toBe(`/${lang}/calendar.ics`);
		expect(await href('google')).toMatch(new RegExp(`^https://calendar\\.google\\.com/calendar/render\\?action=TEMPLATE&.*dates=${basic(event.start)}/${basic(event.end)}`));
		expect(await href('outlookCom')).toMatch(new RegExp(`^https://outlook\\.live\\.com/calendar/0/action/compose\\?.*startdt=${iso(event.start)}&enddt=${iso(event.end)}`));
		expect(await href('office365')).toMatch(new RegExp(`^https://outlook\\.office\\.com/calendar/0/action/compose\\?.*startdt=${iso(event.start)}`));
		expect(await href('yahoo')).toMatch(new RegExp(`^https://calendar\\.yahoo\\.com/\\?v=60&.*st=${basic(event.start)}&et=${basic(event.end)}`));
		expect(await href('subscribe')).toMatch(new RegExp(`^webcal://[^/]+/${lang}/calendar\\.ics$`));
		await expect(menuOf(page).getByRole('link')).toHaveCount(6);
		for (const link of await menuOf(page).getByRole('link').all()) await expect(link).toBeVisible();
	});

	test(`axe finds nothing with the menu open (${lang})`, async ({ page }) => {
		await openPage(page, lang);
		await menuOf(page).locator('summary').click();
		await expect(menuOf(page).getByRole('link').first()).toBeVisible();
		const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});

	test(`the .ics file downloads with its type, charset and file name (${lang})`, async ({ request }) => {
		const response = await request.get(`/${lang}/calendar.ics`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		expect(response.headers()['content-disposition']).toBe(`attachment; filename="imrf-side-event-${lang}.ics"`);
		expect(response.headers()['x-content-type-options']).toBe('nosniff');
		const body = await response.text();
		expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(body).toContain(`\r\nDTSTART;TZID=${event.timeZone}:${localStart}\r\n`);
	});

	test(`choosing the file in the menu downloads it (${lang})`, async ({ page }) => {
		await openPage(page, lang);
		await menuOf(page).locator('summary').click();
		const [download] = await Promise.all([page.waitForEvent('download'), menuOf(page).locator('a[data-calendar="ics"]').click()]);
		expect(download.suggestedFilename()).toBe(`imrf-side-event-${lang}.ics`);
	});
}

test('a click elsewhere closes the menu', async ({ page }) => {
	await openPage(page, 'en');
	await menuOf(page).locator('summary').click();
	await expect(menuOf(page)).toHaveAttribute('open', '');
	await page.locator('h1').click();
	await expect(menuOf(page)).not.toHaveAttribute('open', '');
});

test('both languages carry the same calendar UID', async ({ request }) => {
	const uid = async (lang: string) => /\r\nUID:([^\r]+)\r\n/.exec(await (await request.get(`/${lang}/calendar.ics`)).text())?.[1];
	const english = await uid('en');
	expect(english).toBeTruthy();
	expect(await uid('fr')).toBe(english);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the menu still opens and lists its links', async ({ page }) => {
		await page.goto('/fr/');
		await menuOf(page).locator('summary').click();
		await expect(menuOf(page).getByRole('link')).toHaveCount(6);
		await expect(menuOf(page).locator('a[data-calendar="google"]')).toBeVisible();
	});
});
