import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PUBLIC_PAGES } from '../src/lib/event/pages';
import { LANGUAGES } from '../src/lib/i18n/languages';
import { scrollToDeferredIslands } from './support/islands';
import { validateHtml } from './support/nu-validator';
import { createOrganizerToken, recordPledge } from './support/organizer-token';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const viewports = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 900 }
];

for (const path of ['/en/', '/fr/', '/de/']) {
	for (const viewport of viewports) {
		test(`axe finds nothing on ${path} at ${viewport.name} width`, async ({ page }) => {
			await page.setViewportSize(viewport);
			await page.goto(path);
			const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		});
	}
}

test.describe('reflow (WCAG 1.4.10): no horizontal scroll on a 320 px phone', () => {
	// A pledge with a long unbroken word, as a pasted name or address can be.
	test.beforeAll(async ({ baseURL }) => {
		await recordPledge(baseURL!, createOrganizerToken(), `Reflow ${'Verylongunbrokenword'.repeat(4)}`);
	});

	for (const path of PUBLIC_PAGES.flatMap((page) => LANGUAGES.map((lang) => `/${lang}${page}`))) {
		test(path, async ({ page }) => {
			await page.setViewportSize({ width: 320, height: 640 });
			await page.goto(path);
			// Measured once the islands have started, since what they add must fit too.
			await scrollToDeferredIslands(page);
			await expect(page.locator('[data-island]:not([data-hydrated]):not([data-island] *)')).toHaveCount(0);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	}
});

test('dark mode keeps the pages free of axe findings', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/fr/');
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('axe and the Nu validator find nothing on the open-data page in every language', async ({ page, request }) => {
	test.slow();
	const documents: Record<string, string> = {};
	for (const lang of LANGUAGES) {
		const path = `/${lang}/open-data`;
		await page.goto(path);
		const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), path).toEqual([]);
		documents[path] = await (await request.get(path)).text();
	}
	expect(await validateHtml(documents)).toEqual([]);
});
