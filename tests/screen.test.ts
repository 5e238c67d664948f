import { expect, test } from '@playwright/test';

for (const width of [1280, 1920]) {
	test(`the room screen's main area lines up with the header at ${width} px`, async ({ page }) => {
		await page.setViewportSize({ width, height: 1080 });
		await page.goto('/en/screen');
		const header = await page.locator('.site-name').boundingBox();
		const title = await page.locator('.screen h1').boundingBox();
		const main = await page.locator('.screen').boundingBox();
		const headerInner = await page.locator('.header-inner').boundingBox();
		expect(title!.x).toBeCloseTo(header!.x, 0);
		expect(main!.x + main!.width).toBeCloseTo(headerInner!.x + headerInner!.width, 0);
	});
}

test("the place's names stay on one line: Room 8, New York", async ({ page }) => {
	for (const lang of ['en', 'fr']) {
		await page.goto(`/${lang}/`);
		const place = (await page.locator('.when-where').textContent()) ?? '';
		expect(place).toMatch(lang === 'en' ? /Room\u00a08/ : /salle\u00a08/);
		expect(place).toMatch(/New\u00a0York/);
	}
});
