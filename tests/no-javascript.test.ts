import { expect, test } from '@playwright/test';
import { LANGUAGE_NAMES } from '$lib/i18n/languages';

test.use({ javaScriptEnabled: false });

for (const lang of ['en', 'fr']) {
	test(`/${lang}/ can be read without JavaScript`, async ({ page }) => {
		await page.goto(`/${lang}/`);
		await expect(page.locator('#agenda .segment')).toHaveCount(3);
		await expect(page.locator('#speakers .speaker')).toHaveCount(8);
		await expect(page.locator('#background p').first()).toBeVisible();
		// Built after the event: the livestream section leads to the recording and what followed.
		await expect(page.locator('#livestream a.button')).toHaveAttribute('href', `/${lang}/live`);
	});
}

test('the language switch works without JavaScript', async ({ page }) => {
	await page.goto('/en/');
	await page.getByRole('link', { name: new RegExp(LANGUAGE_NAMES.fr, 'i') }).click();
	await expect(page).toHaveURL(/\/fr\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});
