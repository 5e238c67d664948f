import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

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

for (const path of ['/en/', '/fr/']) {
	test(`${path} has no horizontal scroll at 390 px`, async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
}

test('dark mode keeps the pages free of axe findings', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/fr/');
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});
