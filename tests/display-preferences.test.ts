import { expect, test } from '@playwright/test';

test('with reduced motion asked for, no element animates or transitions, even one styled to', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/en/');
	// As a future component might: the global rule must still win.
	await page.locator('.button').first().evaluate((element: HTMLElement) => {
		element.style.transition = 'background-color 2s';
		element.style.animation = 'pulse 3s infinite';
	});
	const longest = await page.evaluate(() =>
		Math.max(
			...[...document.querySelectorAll('*')].flatMap((element) => {
				const style = getComputedStyle(element);
				return [...style.transitionDuration.split(','), ...style.animationDuration.split(',')].map((value) => parseFloat(value) * (value.trim().endsWith('ms') ? 1 : 1000));
			})
		)
	);
	expect(longest).toBeLessThanOrEqual(1);
});

test('in dark mode the page follows the system with a dark background', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/fr/');
	const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
	const [red, green, blue] = background.match(/\d+/g)!.map(Number);
	expect(red + green + blue).toBeLessThan(150);
});

test('with forced colours, buttons keep a visible border', async ({ page }) => {
	await page.emulateMedia({ forcedColors: 'active' });
	await page.goto('/en/');
	const border = await page.locator('#livestream a.button').evaluate((element) => getComputedStyle(element).borderTopWidth);
	expect(parseFloat(border)).toBeGreaterThanOrEqual(1);
});
