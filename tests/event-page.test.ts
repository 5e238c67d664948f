import { expect, test } from '@playwright/test';
import { event } from '$lib/event/event';
import { speakerById, speakersInOrder } from '$lib/event/speakers';
import { formatDate, formatTime, formatTimeRange, isoInZone } from '$lib/i18n/format';
import { LANGUAGES, LOCALE_TAGS } from '$lib/i18n/languages';
import { t } from './support/words';

const SECTION_IDS = ['livestream', 'agenda', 'speakers', 'objectives', 'background', 'pledges', 'practical', 'follow'];
// The speakers come from the facts: adding one is a change of data, not of this test.
const SPEAKERS = event.speakers.map((speaker) => speaker.name);

const [welcome] = event.segments;
const moderator = speakersInOrder().find((entry) => entry.isModerator)!.speaker;

const pages = LANGUAGES.map((lang) => ({
	lang,
	title: t[lang]('event:title'),
	date: formatDate(event.start, lang, event.timeZone),
	times: event.segments.map((segment) => formatTimeRange(segment.start, segment.end, lang, event.timeZone)),
	place: t[lang]('event:when.placeName'),
	// Tense-free: the page is read before and after the event (the brief's "will be provided").
	interpretation: t[lang]('event:practical.interpretation'),
	moderator: t[lang]('event:speakers.moderator'),
	segments: event.segments.map((segment) => t[lang](`event:agenda.${segment.id}`))
}));

for (const expected of pages) {
	test.describe(`/${expected.lang}/`, () => {
		test('shows every section of the brief', async ({ page }) => {
			await page.goto(`/${expected.lang}/`);
			await expect(page.locator('html')).toHaveAttribute('lang', expected.lang);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(expected.title);
			for (const id of SECTION_IDS) await expect(page.locator(`section#${id} h2`)).toBeVisible();
			await expect(page.locator('.when-where')).toContainText(expected.date);
			await expect(page.locator('.when-where')).toContainText(expected.place);
			await expect(page.locator('#practical')).toContainText(expected.interpretation);
			await expect(page.locator('#objectives ol > li')).toHaveCount(event.objectiveCount);
		});

		test('lists the agenda with its three segments, times and speakers', async ({ page }) => {
			await page.goto(`/${expected.lang}/`);
			const segments = page.locator('#agenda .segment');
			await expect(segments).toHaveCount(event.segments.length);
			for (const [index, title] of expected.segments.entries()) {
				await expect(segments.nth(index)).toContainText(title);
				await expect(segments.nth(index).locator('time')).toContainText(expected.times[index]);
			}
			for (const [index, segment] of event.segments.entries()) {
				await expect(segments.nth(index).locator('.segment-speakers li')).toHaveCount(segment.speakers.length);
				const moderating = segment.speakers.find((entry) => entry.isModerator);
				if (moderating) await expect(segments.nth(index).locator('li', { hasText: speakerById(moderating.speaker).name })).toContainText(expected.moderator);
			}
		});

		test('introduces every speaker once, with role and moderator marked', async ({ page }) => {
			await page.goto(`/${expected.lang}/`);
			const cards = page.locator('#speakers .speaker');
			await expect(cards).toHaveCount(SPEAKERS.length);
			for (const name of SPEAKERS) await expect(cards.filter({ hasText: name })).toHaveCount(1);
			await expect(cards.filter({ hasText: moderator.name })).toContainText(expected.moderator);
			for (const speaker of event.speakers) {
				if (speaker.organization) await expect(cards.filter({ hasText: speaker.name })).toContainText(t[expected.lang](`event:organizations.${speaker.organization}`));
			}
		});

		test('links the accounts and hashtags to follow', async ({ page }) => {
			await page.goto(`/${expected.lang}/`);
			const follow = page.locator('#follow');
			for (const { handle } of event.accounts) {
				await expect(follow.locator(`a[href="https://twitter.com/${handle}"]`)).toHaveText(`@${handle}`);
			}
			for (const tag of event.hashtags) {
				await expect(follow.locator(`a[href="https://twitter.com/hashtag/${tag}"]`)).toContainText(`#${tag}`);
			}
		});

		test('carries hreflang alternates, Open Graph and Event JSON-LD', async ({ page }) => {
			await page.goto(`/${expected.lang}/`);
			const head = page.locator('head');
			for (const hreflang of ['en', 'fr', 'x-default']) {
				await expect(head.locator(`link[rel="alternate"][hreflang="${hreflang}"]`)).toHaveAttribute('href', /^https?:\/\/[^/]+\/(en|fr)\/$/);
			}
			await expect(head.locator('meta[property="og:locale"]')).toHaveAttribute('content', LOCALE_TAGS[expected.lang]);
			await expect(head.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`/og/${expected.lang}\\.png$`));
			await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
			const jsonLd = JSON.parse((await head.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
			expect(jsonLd['@type']).toBe('Event');
			expect(jsonLd.inLanguage).toBe(expected.lang);
			expect(jsonLd.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
			expect(jsonLd.startDate).toBe(isoInZone(event.start, event.timeZone));
			expect(jsonLd.location.map((l: { '@type': string }) => l['@type'])).toEqual(['Place', 'VirtualLocation']);
			expect(jsonLd.performer).toHaveLength(SPEAKERS.length);
			expect(jsonLd.organizer.length).toBeGreaterThan(0);
		});
	});
}

test.describe('times in the visitor’s own zone', () => {
	const PARIS = 'Europe/Paris';
	test.use({ timezoneId: PARIS });

	test('a visitor in Paris sees New York time and their own, named', async ({ page }) => {
		await page.goto('/fr/');
		const time = page.locator('.when-where');
		await expect(time).toContainText(formatTime(event.start, 'fr', event.timeZone));
		await expect(time).toContainText(t.fr('time.yourTime', { time: formatTimeRange(event.start, event.end, 'fr', PARIS), zone: 'Paris' }));
		await page.goto('/en/');
		await expect(page.locator('#agenda .segment').first()).toContainText(t.en('time.yourTime', { time: formatTimeRange(welcome.start, welcome.end, 'en', PARIS), zone: 'Paris' }));
	});
});

test.describe('a visitor in New York', () => {
	test.use({ timezoneId: event.timeZone });

	test('sees only New York time', async ({ page }) => {
		await page.goto('/en/');
		await expect(page.locator('.when-where time')).toBeVisible();
		await expect(page.locator('.when-where')).not.toContainText(t.en('time.yourTime', { time: '', zone: '' }).replace('()', '').trim());
	});
});
