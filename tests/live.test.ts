import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// The event: 18 May 2022, 13:30–14:30 New York time (17:30–18:30 UTC); segments start 17:30, 17:40, 18:20 UTC.
const moments = [
	{
		name: 'two days before',
		at: '2022-05-16T17:30:00Z',
		phase: 'before',
		segment: undefined,
		en: { status: 'Coming up', detail: /^Starts in 2\sdays$/ },
		fr: { status: 'À venir', detail: /^Commence dans 2\sjours$/ }
	},
	{
		name: 'ten minutes before',
		at: '2022-05-18T17:20:00Z',
		phase: 'soon',
		segment: undefined,
		en: { status: 'Starting soon', detail: /^Starts in 10\sminutes$/ },
		fr: { status: 'Commence bientôt', detail: /^Commence dans 10\sminutes$/ }
	},
	{
		name: 'during the welcome',
		at: '2022-05-18T17:35:00Z',
		phase: 'live',
		segment: 'welcome',
		en: { status: 'Live now: Welcome and introduction', detail: /^Next, at 1:40\sPM New\sYork time \(EDT\): Panel conversation$/ },
		fr: { status: /^En direct\s:\sAccueil et introduction$/, detail: /^Ensuite, à 13:40, heure de New\sYork \(EDT\)\s:\sTable ronde$/ }
	},
	{
		name: 'during the panel',
		at: '2022-05-18T18:00:00Z',
		phase: 'live',
		segment: 'panel',
		en: { status: 'Live now: Panel conversation', detail: /^Next, at 2:20\sPM New\sYork time \(EDT\): Handing over/ },
		fr: { status: /^En direct\s:\sTable ronde$/, detail: /^Ensuite, à 14:20, heure de New\sYork \(EDT\)\s:\sRemise des engagements/ }
	},
	{
		name: 'during the handover of pledges',
		at: '2022-05-18T18:25:00Z',
		phase: 'live',
		segment: 'handover',
		en: { status: /^Live now: Handing over of Call to Local Action pledges/, detail: /^Ends at 2:30\sPM New\sYork time \(EDT\)$/ },
		fr: { status: /^En direct\s:\sRemise des engagements/, detail: /^Se termine à 14:30, heure de New\sYork \(EDT\)$/ }
	},
	{
		name: 'after the end',
		at: '2022-05-18T18:45:00Z',
		phase: 'after',
		segment: undefined,
		en: { status: 'The event has ended', detail: undefined },
		fr: { status: 'L’événement est terminé', detail: undefined }
	}
] as const;

const onNowLabel = { en: 'On now', fr: 'En cours' };

async function expectSegmentOnNow(page: Page, segment: string | undefined, lang: 'en' | 'fr' = 'en') {
	const current = page.locator('#agenda [aria-current]');
	const label = page.locator('#agenda .segment-now');
	if (!segment) {
		await expect(current).toHaveCount(0);
		return expect(label).toHaveCount(0);
	}
	await expect(current).toHaveCount(1);
	await expect(current).toHaveAttribute('data-segment', segment);
	await expect(current).toHaveAttribute('aria-current', 'time');
	// Seen, not only announced: the colour of the border is not the only mark.
	await expect(label).toHaveCount(1);
	await expect(current.locator('.segment-now')).toHaveText(onNowLabel[lang]);
}

for (const lang of ['en', 'fr'] as const) {
	test.describe(`/${lang}/live at a given instant`, () => {
		for (const moment of moments) {
			test(`shows the ${moment.phase} phase ${moment.name} and marks the segment on now`, async ({ page }) => {
				await page.clock.setFixedTime(new Date(moment.at));
				await page.goto(`/${lang}/live`);
				const phase = page.locator('.hero .phase');
				await expect(phase).toHaveAttribute('data-phase', moment.phase);
				await expect(phase.getByRole('status')).toHaveText(moment[lang].status);
				const detail = phase.locator('.phase-detail');
				if (moment[lang].detail) await expect(detail).toHaveText(moment[lang].detail);
				else await expect(detail).toHaveCount(0);
				await expectSegmentOnNow(page, moment.segment, lang);
			});
		}
	});
}

test.describe('the phase moves on by itself', () => {
	test('from "starting soon" through every segment to the end, without reload', async ({ page }) => {
		await page.clock.install({ time: new Date('2022-05-18T17:28:30Z') });
		await page.goto('/en/live');
		const status = page.locator('.hero .phase').getByRole('status');
		await expect(status).toHaveText('Starting soon');
		await expect(page.locator('.hero .phase-detail')).toHaveText(/^Starts in 2\sminutes$/);

		await page.clock.fastForward('02:00');
		await expect(status).toHaveText('Live now: Welcome and introduction');
		await expectSegmentOnNow(page, 'welcome');

		await page.clock.fastForward('10:00');
		await expect(status).toHaveText('Live now: Panel conversation');
		await expectSegmentOnNow(page, 'panel');

		await page.clock.fastForward('40:00');
		await expectSegmentOnNow(page, 'handover');

		await page.clock.fastForward('10:00');
		await expect(status).toHaveText('The event has ended');
		await expectSegmentOnNow(page, undefined);
	});

	test('the countdown follows the minutes while the announced status stays untouched', async ({ page }) => {
		await page.clock.install({ time: new Date('2022-05-18T17:24:30Z') });
		await page.goto('/fr/live');
		const status = page.locator('.hero .phase').getByRole('status');
		const detail = page.locator('.hero .phase-detail');
		await expect(detail).toHaveText(/^Commence dans 6\sminutes$/);
		// Count every change to the live region: a screen reader would announce each one.
		await status.evaluate((region) => {
			const changes = { count: 0 };
			new MutationObserver((records) => (changes.count += records.length)).observe(region, { subtree: true, childList: true, characterData: true });
			Object.assign(window, { statusChanges: changes });
		});
		await page.clock.runFor(60_000);
		await expect(detail).toHaveText(/^Commence dans 5\sminutes$/);
		await page.clock.runFor(60_000);
		await expect(detail).toHaveText(/^Commence dans 4\sminutes$/);
		await expect(status).toHaveText('Commence bientôt');
		expect(await page.evaluate(() => (window as unknown as { statusChanges: { count: number } }).statusChanges.count)).toBe(0);
		// Besides the pledge counter's own polite region (tests/live-count.test.ts), only the status is live.
		await expect(page.locator('main').locator('[role="status"], [aria-live]:not(.pledge-counter *)')).toHaveCount(1);
	});
});

test.describe('joining the stream', () => {
	test('with every channel on one player (the default), one "Watch" link names the channels it offers', async ({ page }) => {
		await page.clock.setFixedTime(new Date('2022-05-18T17:20:00Z'));
		await page.goto('/fr/live');
		const links = page.locator('#join a.button');
		await expect(links).toHaveCount(1);
		await expect(links).toHaveText('Suivre la retransmission');
		await expect(links).toHaveAttribute('href', 'https://webtv.un.org/');
		await expect(links).toHaveClass(/\blarge\b/);
		await expect(page.locator('#join .offers')).toHaveText(/^Le lecteur propose ces canaux son\s:\sFrançais, English et Parquet \(langue originale\)\.$/);
		await expect(page.locator('#join .channels')).toHaveCount(0);
	});

	test('the English page names the channels in the same way', async ({ page }) => {
		await page.clock.setFixedTime(new Date('2022-05-16T17:20:00Z'));
		await page.goto('/en/live');
		await expect(page.locator('#join a.button')).toHaveText('Watch the livestream');
		await expect(page.locator('#join a.button')).not.toHaveClass(/\blarge\b/);
		await expect(page.locator('#join .offers')).toHaveText('The player offers these sound channels: English, Français, and Floor (original).');
	});

	test('"add to calendar" is reachable from the page', async ({ page }) => {
		await page.goto('/fr/live');
		await page.locator('#join').getByText('Ajouter à l’agenda').click();
		await expect(page.locator('#join a[data-calendar="ics"]')).toHaveAttribute('href', '/fr/calendar.ics');
		await expect(page.locator('#join a[data-calendar="ics"]')).toBeVisible();
	});

	test('no frame may load while no player is set', async ({ request }) => {
		const html = await (await request.get('/en/live')).text();
		expect(html).toMatch(/frame-src 'none'/);
		expect(html).not.toContain('<iframe');
	});
});

test.describe('the event page', () => {
	test('its livestream section shows the phase and leads to /live', async ({ page }) => {
		await page.clock.setFixedTime(new Date('2022-05-18T18:00:00Z'));
		await page.goto('/en/');
		const section = page.locator('#livestream');
		await expect(section.getByRole('status')).toHaveText('Live now: Panel conversation');
		await section.getByRole('link', { name: 'Watch live' }).click();
		await expect(page).toHaveURL(/\/en\/live$/);
	});
});

test.describe('navigation', () => {
	test('the header marks the page you are on', async ({ page }) => {
		await page.goto('/en/live');
		const nav = page.getByRole('navigation', { name: 'Main' });
		await expect(nav.getByRole('link', { name: 'Watch live' })).toHaveAttribute('aria-current', 'page');
		await expect(nav.getByRole('link', { name: 'Event' })).not.toHaveAttribute('aria-current');
		await nav.getByRole('link', { name: 'Event' }).click();
		await expect(page).toHaveURL(/\/en\/$/);
		await expect(nav.getByRole('link', { name: 'Event' })).toHaveAttribute('aria-current', 'page');
	});

	test('the language switch on /en/live leads to /fr/live', async ({ page }) => {
		await page.clock.setFixedTime(new Date('2022-05-18T18:00:00Z'));
		await page.goto('/en/live');
		await page.getByRole('link', { name: /français/i }).click();
		await expect(page).toHaveURL(/\/fr\/live$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Suivre en direct');
		await expect(page.locator('.hero .phase').getByRole('status')).toHaveText(/^En direct\s:\sTable ronde$/);
	});
});

for (const lang of ['en', 'fr']) {
	for (const width of [390, 1280]) {
		test(`axe finds nothing on /${lang}/live during the live phase at ${width} px`, async ({ page }) => {
			await page.setViewportSize({ width, height: 900 });
			await page.clock.setFixedTime(new Date('2022-05-18T17:45:00Z'));
			await page.goto(`/${lang}/live`);
			await expect(page.locator('.hero .phase')).toHaveAttribute('data-phase', 'live');
			const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	}
}

test('axe finds nothing on /fr/live in dark mode while it is about to start', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.clock.setFixedTime(new Date('2022-05-18T17:20:00Z'));
	await page.goto('/fr/live');
	await expect(page.locator('.hero .phase')).toHaveAttribute('data-phase', 'soon');
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(results.violations.map((v) => v.id)).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	for (const lang of ['en', 'fr']) {
		test(`/${lang}/live states only a phase that cannot have changed, and what follows the event`, async ({ page }) => {
			await page.goto(`/${lang}/live`);
			await expect(page.locator('#agenda .segment')).toHaveCount(3);
			// The site was built after the event, so "ended" is the one phase the HTML may state.
			await expect(page.locator('.hero .phase')).toHaveAttribute('data-phase', 'after');
		});
	}
});
