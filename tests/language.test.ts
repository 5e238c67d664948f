import { expect, test } from '@playwright/test';
import { LANGUAGE_NAMES } from '$lib/i18n/languages';
import { t } from './support/words';

test.describe('`/` sends visitors to their language', () => {
	test('French Accept-Language goes to /fr/, with Vary', async ({ request }) => {
		const response = await request.get('/', { headers: { 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5' }, maxRedirects: 0 });
		expect([303, 307]).toContain(response.status());
		expect(response.headers()['location']).toBe('/fr/');
		expect(response.headers()['vary']).toMatch(/Accept-Language/i);
	});

	test('an unsupported language goes to /en/', async ({ request }) => {
		const response = await request.get('/', { headers: { 'accept-language': 'de-DE,es;q=0.5' }, maxRedirects: 0 });
		expect(response.headers()['location']).toBe('/en/');
	});

	test('a remembered choice wins over Accept-Language', async ({ request }) => {
		const response = await request.get('/', {
			headers: { 'accept-language': 'en-US', cookie: 'lang=fr' },
			maxRedirects: 0
		});
		expect(response.headers()['location']).toBe('/fr/');
	});

	test('the language switch is remembered for the next visit to /', async ({ page }) => {
		await page.goto('/en/');
		await page.getByRole('link', { name: new RegExp(LANGUAGE_NAMES.fr, 'i') }).click();
		await expect(page).toHaveURL(/\/fr\/$/);
		await page.goto('/');
		await expect(page).toHaveURL(/\/fr\/$/);
	});
});

test.describe('the language switch', () => {
	test('leads to the same page in the other language and sets <html lang>', async ({ page }) => {
		await page.goto('/en/');
		const toFrench = page.getByRole('link', { name: new RegExp(LANGUAGE_NAMES.fr, 'i') });
		await expect(toFrench).toHaveAttribute('hreflang', 'fr');
		await toFrench.click();
		await expect(page).toHaveURL(/\/fr\/$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toContainText(t.fr('event:title'));
		await page.getByRole('link', { name: new RegExp(LANGUAGE_NAMES.en, 'i') }).click();
		await expect(page).toHaveURL(/\/en\/$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});
});

test.describe('unknown addresses', () => {
	test('an unknown language answers a bilingual 404 page', async ({ page }) => {
		const response = await page.goto('/de/');
		expect(response?.status()).toBe(404);
		await expect(page.locator('.error-message[lang="en"] h1')).toHaveText(t.en('notFound.title'));
		await expect(page.locator('.error-message[lang="fr"] h1')).toHaveText(t.fr('notFound.title'));
		await expect(page.getByRole('link', { name: t.fr('notFound.home') })).toHaveAttribute('href', '/fr/');
	});

	test('an unknown page in a language answers a 404 in that language', async ({ page }) => {
		const response = await page.goto('/fr/nulle-part');
		expect(response?.status()).toBe(404);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.fr('notFound.title'));
		await expect(page.locator('.error-message[lang="en"]')).toHaveCount(0);
	});
});
