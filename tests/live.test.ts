import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { event } from '$lib/event/event';
import { NAVIGATION_PAGES } from '$lib/event/pages';
import { formatTime } from '$lib/i18n/format';
import { INTL_LOCALES, LANGUAGE_NAMES } from '$lib/i18n/languages';
import { DAY, MINUTE, MOMENTS, segment, shifted } from './support/instants';
import { exactly, t } from './support/words';

/** The live page's words in the navigation: its own until the end, its recording's in a site built after the end (the header is rendered at build). */
const liveNavWords = (() => {
	const live = NAVIGATION_PAGES.find((entry) => entry.path === '/live');
	return Date.now() >= event.end.getTime() && live?.navAfterEvent ? live.navAfterEvent : 'live';
})();

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** "Live now: Panel conversation" in `lang`. */
const liveNow = (lang: 'en' | 'fr', id: string) => t[lang]('live:status.liveSegment', { segment: t[lang](`event:agenda.${id}`) });
/** "Next, at 1:40 PM New York time (EDT): Panel conversation", from the start of that segment. */
const next = (lang: 'en' | 'fr', id: string) => t[lang]('live:next', { time: formatTime(segment(id).start, lang, event.timeZone), segment: t[lang](`event:agenda.${id}`) });
const endsAt = (lang: 'en' | 'fr') => t[lang]('live:endsAt', { time: formatTime(event.end, lang, event.timeZone) });
const countdown = (lang: 'en' | 'fr', duration: string) => exactly(t[lang]('live:countdown', { duration }));
/** "The player offers these sound channels: English, Français, and Floor (original).", channels in that order. */
const offers = (lang: 'en' | 'fr', channels: string[]) =>
	t[lang]('live:join.offers', { channels: new Intl.ListFormat(INTL_LOCALES[lang], { type: 'conjunction' }).format(channels.map((id) => t[lang](`live:channel.${id}`))) });

const moments = [
	{
		name: 'two days before',
		at: MOMENTS.twoDaysBefore,
		phase: 'before',
		segment: undefined,
		en: { status: t.en('live:status.before'), detail: countdown('en', '2 days') },
		fr: { status: t.fr('live:status.before'), detail: countdown('fr', '2 jours') }
	},
	{
		name: 'ten minutes before',
		at: MOMENTS.tenMinutesBefore,
		phase: 'soon',
		segment: undefined,
		en: { status: t.en('live:status.soon'), detail: countdown('en', '10 minutes') },
		fr: { status: t.fr('live:status.soon'), detail: countdown('fr', '10 minutes') }
	},
	{
		name: 'during the welcome',
		at: MOMENTS.duringTheWelcome,
		phase: 'live',
		segment: 'welcome',
		en: { status: liveNow('en', 'welcome'), detail: exactly(next('en', 'panel')) },
		fr: { status: exactly(liveNow('fr', 'welcome')), detail: exactly(next('fr', 'panel')) }
	},
	{
		name: 'during the panel',
		at: MOMENTS.duringThePanel,
		phase: 'live',
		segment: 'panel',
		en: { status: liveNow('en', 'panel'), detail: exactly(next('en', 'handover')) },
		fr: { status: exactly(liveNow('fr', 'panel')), detail: exactly(next('fr', 'handover')) }
	},
	{
		name: 'during the handover of pledges',
		at: MOMENTS.duringTheHandover,
		phase: 'live',
		segment: 'handover',
		en: { status: exactly(liveNow('en', 'handover')), detail: exactly(endsAt('en')) },
		fr: { status: exactly(liveNow('fr', 'handover')), detail: exactly(endsAt('fr')) }
	},
	{
		name: 'after the end',
		at: MOMENTS.afterTheEnd,
		phase: 'after',
		segment: undefined,
		en: { status: t.en('live:status.after'), detail: undefined },
		fr: { status: t.fr('live:status.after'), detail: undefined }
	}
] as const;

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
	await expect(current.locator('.segment-now')).toHaveText(t[lang]('live:agenda.onNow'));
}

for (const lang of ['en', 'fr'] as const) {
	test.describe(`/${lang}/live at a given instant`, () => {
		for (const moment of moments) {
			test(`shows the ${moment.phase} phase ${moment.name} and marks the segment on now`, async ({ page }) => {
				await page.clock.setFixedTime(moment.at);
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
		await page.clock.install({ time: shifted(event.start, -1.5 * MINUTE) });
		await page.goto('/en/live');
		const status = page.locator('.hero .phase').getByRole('status');
		await expect(status).toHaveText(t.en('live:status.soon'));
		await expect(page.locator('.hero .phase-detail')).toHaveText(countdown('en', '2 minutes'));

		await page.clock.fastForward('02:00');
		await expect(status).toHaveText(liveNow('en', 'welcome'));
		await expectSegmentOnNow(page, 'welcome');

		await page.clock.fastForward('10:00');
		await expect(status).toHaveText(liveNow('en', 'panel'));
		await expectSegmentOnNow(page, 'panel');

		await page.clock.fastForward('40:00');
		await expectSegmentOnNow(page, 'handover');

		await page.clock.fastForward('10:00');
		await expect(status).toHaveText(t.en('live:status.after'));
		await expectSegmentOnNow(page, undefined);
	});

	test('the countdown follows the minutes while the announced status stays untouched', async ({ page }) => {
		await page.clock.install({ time: shifted(event.start, -5.5 * MINUTE) });
		await page.goto('/fr/live');
		const status = page.locator('.hero .phase').getByRole('status');
		const detail = page.locator('.hero .phase-detail');
		await expect(detail).toHaveText(countdown('fr', '6 minutes'));
		// Count every change to the live region: a screen reader would announce each one.
		await status.evaluate((region) => {
			const changes = { count: 0 };
			new MutationObserver((records) => (changes.count += records.length)).observe(region, { subtree: true, childList: true, characterData: true });
			Object.assign(window, { statusChanges: changes });
		});
		await page.clock.runFor(60_000);
		await expect(detail).toHaveText(countdown('fr', '5 minutes'));
		await page.clock.runFor(60_000);
		await expect(detail).toHaveText(countdown('fr', '4 minutes'));
		await expect(status).toHaveText(t.fr('live:status.soon'));
		expect(await page.evaluate(() => (window as unknown as { statusChanges: { count: number } }).statusChanges.count)).toBe(0);
		// Besides the pledge counter's, the questions panel's and the captions' own polite regions (tests/live-count.test.ts,
		// tests/questions.test.ts, tests/captions.test.ts: silent until asked), only the status is live.
		await expect(page.locator('main').locator('[role="status"]:not(.questions-panel *), [aria-live]:not(.pledge-counter *, .questions-panel *, .captions-panel *)')).toHaveCount(1);
	});
});

test.describe('joining the stream', () => {
	test('with every channel on one player (the default), one "Watch" link names the channels it offers', async ({ page }) => {
		await page.clock.setFixedTime(MOMENTS.tenMinutesBefore);
		await page.goto('/fr/live');
		const links = page.locator('#join a.button');
		await expect(links).toHaveCount(1);
		await expect(links).toHaveText(t.fr('live:join.watch'));
		await expect(links).toHaveAttribute('href', 'https://webtv.un.org/');
		await expect(links).toHaveClass(/\blarge\b/);
		await expect(page.locator('#join .offers')).toHaveText(exactly(offers('fr', ['fr', 'en', 'floor'])));
		await expect(page.locator('#join .channels')).toHaveCount(0);
	});

	test('the English page names the channels in the same way', async ({ page }) => {
		await page.clock.setFixedTime(shifted(MOMENTS.tenMinutesBefore, -2 * DAY));
		await page.goto('/en/live');
		await expect(page.locator('#join a.button')).toHaveText(t.en('live:join.watch'));
		await expect(page.locator('#join a.button')).not.toHaveClass(/\blarge\b/);
		await expect(page.locator('#join .offers')).toHaveText(offers('en', ['en', 'fr', 'floor']));
	});

	test('"add to calendar" is reachable from the page', async ({ page }) => {
		await page.goto('/fr/live');
		await page.locator('#join').getByText(t.fr('calendar:menu.button')).click();
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
		await page.clock.setFixedTime(MOMENTS.duringThePanel);
		await page.goto('/en/');
		const section = page.locator('#livestream');
		await expect(section.getByRole('status')).toHaveText(liveNow('en', 'panel'));
		await section.getByRole('link', { name: t.en('live:nav') }).click();
		await expect(page).toHaveURL(/\/en\/live$/);
	});
});

test.describe('navigation', () => {
	test('the header marks the page you are on', async ({ page }) => {
		await page.goto('/en/live');
		const nav = page.getByRole('navigation', { name: t.en('nav.label') });
		await expect(nav.getByRole('link', { name: t.en(`nav.${liveNavWords}`) })).toHaveAttribute('aria-current', 'page');
		await expect(nav.getByRole('link', { name: t.en('nav.event') })).not.toHaveAttribute('aria-current');
		await nav.getByRole('link', { name: t.en('nav.event') }).click();
		await expect(page).toHaveURL(/\/en\/$/);
		await expect(nav.getByRole('link', { name: t.en('nav.event') })).toHaveAttribute('aria-current', 'page');
	});

	test('the language switch on /en/live leads to /fr/live', async ({ page }) => {
		await page.clock.setFixedTime(MOMENTS.duringThePanel);
		await page.goto('/en/live');
		await page.getByRole('link', { name: new RegExp(LANGUAGE_NAMES.fr, 'i') }).click();
		await expect(page).toHaveURL(/\/fr\/live$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('heading', { level: 1 })).toContainText(t.fr('live:title'));
		await expect(page.locator('.hero .phase').getByRole('status')).toHaveText(exactly(liveNow('fr', 'panel')));
	});
});

for (const lang of ['en', 'fr']) {
	for (const width of [390, 1280]) {
		test(`axe finds nothing on /${lang}/live during the live phase at ${width} px`, async ({ page }) => {
			await page.setViewportSize({ width, height: 900 });
			await page.clock.setFixedTime(shifted(segment('panel').start, 5 * MINUTE));
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
	await page.clock.setFixedTime(MOMENTS.tenMinutesBefore);
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
