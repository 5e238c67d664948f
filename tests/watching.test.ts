import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { event } from '$lib/event/event';
import { MOMENTS } from './support/instants';
import { exactly, literally, t } from './support/words';

// The default settings: every channel on UN Web TV's page, no player, no captions, no recording.
// The site is built after the event, so without JavaScript every page is in the "ended" phase;
// with JavaScript the page follows the (moved) clock.

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** The words each phase shows, from the locale files. */
const wordsIn = (lang: 'en' | 'fr') => ({
	watch: t[lang]('live:join.watch'),
	eventWatch: t[lang]('event:livestream.watch'),
	reminder: exactly(t[lang]('live:reminder')),
	noCaptions: t[lang]('live:captions.none'),
	joinHeading: t[lang]('live:join.heading'),
	recordingHeading: t[lang]('live:recording.heading'),
	noRecording: t[lang]('live:recording.none'),
	afterHeading: t[lang]('live:after.heading'),
	handedOver: new RegExp(`^${literally(t[lang]('live:after.pledges'))}`),
	text: {
		upcoming: t[lang]('event:livestream.text.upcoming'),
		live: t[lang]('event:livestream.text.live'),
		after: t[lang]('event:livestream.text.after')
	},
	afterLink: t[lang]('event:livestream.after')
});
const words = { en: wordsIn('en'), fr: wordsIn('fr') };

const moments = [
	{ name: 'two days before', at: MOMENTS.twoDaysBefore, phase: 'before', tense: 'upcoming' },
	{ name: 'ten minutes before', at: MOMENTS.tenMinutesBefore, phase: 'soon', tense: 'upcoming' },
	{ name: 'during the welcome', at: MOMENTS.duringTheWelcome, phase: 'live', tense: 'live' },
	{ name: 'during the panel', at: MOMENTS.duringThePanel, phase: 'live', tense: 'live' },
	{ name: 'during the handover', at: MOMENTS.duringTheHandover, phase: 'live', tense: 'live' },
	{ name: 'after the end', at: MOMENTS.afterTheEnd, phase: 'after', tense: 'after' }
] as const;

async function expectLivePage(page: Page, lang: 'en' | 'fr', phase: (typeof moments)[number]['phase']) {
	const w = words[lang];
	const join = page.locator('#join');
	const reminder = page.locator('.hero .phase-reminder a');
	if (phase === 'before' || phase === 'soon') {
		await expect(reminder).toHaveText(w.reminder);
		await expect(reminder).toHaveAttribute('href', `/${lang}/calendar.ics`);
	} else {
		await expect(reminder).toHaveCount(0);
	}
	if (phase === 'after') {
		await expect(join.getByRole('heading', { level: 2 })).toHaveText(w.recordingHeading);
		await expect(join.locator('a[href^="https://webtv"]')).toHaveCount(0);
		await expect(join).toContainText(w.noRecording);
		await expect(join.locator('.captions')).toHaveCount(0);
		const after = page.locator('#after');
		await expect(after.getByRole('heading', { level: 2 })).toHaveText(w.afterHeading);
		await expect(after.locator('p').first()).toHaveText(w.handedOver);
		await expect(after.locator(`a[href="/${lang}/pledges"]`)).toHaveCount(1);
		// The questions answered are in the page's own questions section, which the link leads to.
		await expect(after.locator('a[href="#questions"]')).toHaveCount(1);
		await expect(page.locator('#questions')).toHaveCount(1);
		await expect(after.locator('.hashtags a')).toHaveText(event.hashtags.map((tag) => `#${tag}`));
	} else {
		await expect(join.getByRole('heading', { level: 2 })).toHaveText(w.joinHeading);
		await expect(join.locator('a.button')).toHaveText(w.watch);
		await expect(join.locator('a.button')).toHaveAttribute('href', 'https://webtv.un.org/');
		await expect(join.locator('.captions')).toContainText(w.noCaptions);
		await expect(page.locator('#after')).toHaveCount(0);
	}
}

for (const lang of ['en', 'fr'] as const) {
	test.describe(`/${lang}/live and /${lang}/ follow the phase`, () => {
		for (const moment of moments) {
			test(`${moment.name}: the ${moment.phase} wording and links`, async ({ page }) => {
				await page.clock.setFixedTime(moment.at);
				await page.goto(`/${lang}/live`);
				await expect(page.locator('.hero .phase')).toHaveAttribute('data-phase', moment.phase);
				await expectLivePage(page, lang, moment.phase);

				await page.goto(`/${lang}/`);
				const section = page.locator('#livestream');
				await expect(section.locator('.phase')).toHaveAttribute('data-phase', moment.phase);
				await expect(section.getByText(words[lang].text[moment.tense])).toHaveCount(1);
				const button = section.locator('a.button');
				if (moment.phase === 'after') {
					await expect(button).toHaveText(words[lang].afterLink);
					await expect(button).toHaveAttribute('href', `/${lang}/live`);
				} else {
					await expect(button).toHaveText(words[lang].eventWatch);
					await expect(button).toHaveAttribute('href', 'https://webtv.un.org/');
				}
			});
		}
	});
}

test.describe('without JavaScript, after the build (which came after the end)', () => {
	test.use({ javaScriptEnabled: false });

	for (const lang of ['en', 'fr'] as const) {
		test(`/${lang}/live and /${lang}/ speak of the event in the past, and of nothing to watch live`, async ({ page }) => {
			await page.goto(`/${lang}/live`);
			await expect(page.locator('.hero .phase')).toHaveAttribute('data-phase', 'after');
			await expectLivePage(page, lang, 'after');
			await page.goto(`/${lang}/`);
			await expect(page.locator('#livestream').getByText(words[lang].text.after)).toHaveCount(1);
			await expect(page.locator('#livestream a.button')).toHaveAttribute('href', `/${lang}/live`);
			// Nowhere on the page is the session still to come or going on.
			await expect(page.locator('main')).not.toContainText(lang === 'en' ? /will be livestreamed|is being livestreamed|is livestreamed/ : /sera retransmise|est retransmise/);
		});
	}
});

test('"watch" without a remembered channel leads to the page language’s stream', async ({ request }) => {
	const response = await request.get('/fr/watch', { maxRedirects: 0 });
	expect(response.status()).toBe(303);
	expect(response.headers()['location']).toBe('https://webtv.un.org/');
	expect((await request.get('/fr/watch/klingon', { maxRedirects: 0 })).status()).toBe(404);
});

for (const moment of moments.filter((m) => m.name !== 'during the welcome' && m.name !== 'during the handover')) {
	test(`axe finds nothing on /en/live ${moment.name}`, async ({ page }) => {
		await page.clock.setFixedTime(moment.at);
		await page.goto('/en/live');
		await expect(page.locator('.hero .phase')).toHaveAttribute('data-phase', moment.phase);
		await expect(page.locator('#join[data-hydrated], #join .island[data-hydrated]').first()).toBeAttached();
		const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});
}
