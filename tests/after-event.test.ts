import { expect, test } from '@playwright/test';
import { event } from '$lib/event/event';
import { NAVIGATION_PAGES } from '$lib/event/pages';
import { t } from './support/words';

// The years after the event: the site lives on as the pledges' platform. The test build is made now,
// and the event page is prerendered then: when "now" is past the end, the page says what happened.
const isOver = Date.now() >= event.end.getTime();

for (const lang of ['en', 'fr'] as const) {
	test(`${lang}: after the end, the event page leads with what happened; the calendar and live calls step back`, async ({ page }) => {
		test.skip(!isOver, 'the event is still ahead of this build');
		await page.goto(`/${lang}/`);
		const sections = page.locator('.sections > section');
		await expect(sections.nth(0)).toHaveAttribute('id', 'livestream');
		await expect(sections.nth(0).getByRole('heading', { level: 2 })).toHaveText(t[lang]('event:sections.outcome'));
		await expect(sections.nth(1)).toHaveAttribute('id', 'pledges');
		// No "watch" call for a session that is over, and the calendar entry is a secondary button.
		const main = page.locator('main');
		await expect(main.getByRole('link', { name: t[lang]('event:livestream.watch') })).toHaveCount(0);
		await expect(main.getByRole('link', { name: t[lang]('live:nav'), exact: true })).toHaveCount(0);
		await expect(page.locator('#livestream summary.button')).toHaveClass(/secondary/);
		await expect(page.locator('#livestream')).toContainText(t[lang]('live:after.questionsLink'));
		// The pledges and their progress.
		await expect(page.locator('#pledges')).toContainText(t[lang]('live:after.pledges'));
		for (const status of ['planned', 'in-progress', 'achieved']) await expect(page.locator('#pledges')).toContainText(t[lang](`pledges:statuses.${status}`));
	});

	test(`${lang}: after the end, the navigation leads to the live page as its recording, no longer as a live call`, async ({ page }) => {
		test.skip(!isOver, 'the event is still ahead of this build');
		const live = NAVIGATION_PAGES.find((entry) => entry.path === '/live');
		if (!live?.navAfterEvent) throw new Error('the event document names no after-event words for the live page');
		for (const path of ['/', '/live', '/pledges']) {
			await page.goto(`/${lang}${path}`);
			const nav = page.getByRole('navigation', { name: t[lang]('nav.label') });
			await expect(nav.getByRole('link', { name: t[lang](`nav.${live.navAfterEvent}`), exact: true })).toHaveAttribute('href', `/${lang}/live`);
			await expect(nav.getByRole('link', { name: t[lang]('nav.live'), exact: true })).toHaveCount(0);
		}
		// The page it leads to holds the recording.
		await page.goto(`/${lang}/live`);
		await expect(page.locator('main').getByRole('heading', { name: t[lang]('live:recording.heading') })).toBeVisible();
	});
}
