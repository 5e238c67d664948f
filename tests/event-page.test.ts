import { expect, test } from '@playwright/test';
import { event } from '../src/lib/event/event';

const SECTION_IDS = ['livestream', 'agenda', 'speakers', 'objectives', 'background', 'pledges', 'practical', 'follow'];
// The speakers come from the facts: adding one is a change of data, not of this test.
const SPEAKERS = event.speakers.map((speaker) => speaker.name);

const pages = [
	{
		lang: 'en',
		title: 'From Marrakech to New York',
		date: 'Wednesday, May 18, 2022',
		times: ['1:30', '1:40', '2:20'],
		place: 'United Nations Headquarters, Room 8',
		// Tense-free: the page is read before and after the event (the brief's "will be provided").
		interpretation: 'Interpretation in English and French.',
		moderator: 'Moderator',
		segments: ['Welcome and introduction', 'Panel conversation', 'Handing over of Call to Local Action pledges']
	},
	{
		lang: 'fr',
		title: 'De Marrakech à New York',
		date: 'mercredi 18 mai 2022',
		times: ['13:30', '13:40', '14:20'],
		place: 'Siège de l’Organisation des Nations Unies, salle 8',
		interpretation: 'Interprétation assurée en anglais et en français.',
		moderator: 'Modératrice',
		segments: ['Accueil et introduction', 'Table ronde', 'Remise des engagements de l’Appel à l’action locale']
	}
];

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
			await expect(page.locator('#objectives ol > li')).toHaveCount(5);
		});

		test('lists the agenda with its three segments, times and speakers', async ({ page }) => {
			await page.goto(`/${expected.lang}/`);
			const segments = page.locator('#agenda .segment');
			await expect(segments).toHaveCount(3);
			for (const [index, title] of expected.segments.entries()) {
				await expect(segments.nth(index)).toContainText(title);
				await expect(segments.nth(index).locator('time')).toContainText(expected.times[index]);
			}
			await expect(segments.nth(0).locator('.segment-speakers li')).toHaveCount(3);
			await expect(segments.nth(1).locator('.segment-speakers li')).toHaveCount(5);
			await expect(segments.nth(2).locator('.segment-speakers li')).toHaveCount(2);
			await expect(segments.nth(1).locator('li', { hasText: 'Fabiana Goyenche' })).toContainText(expected.moderator);
		});

		test('introduces every speaker once, with role and moderator marked', async ({ page }) => {
			await page.goto(`/${expected.lang}/`);
			const cards = page.locator('#speakers .speaker');
			await expect(cards).toHaveCount(SPEAKERS.length);
			for (const name of SPEAKERS) await expect(cards.filter({ hasText: name })).toHaveCount(1);
			await expect(cards.filter({ hasText: 'Fabiana Goyenche' })).toContainText(expected.moderator);
			await expect(cards.filter({ hasText: 'Erias Lukwago' })).toContainText('Kampala Capital City Authority');
		});

		test('links the accounts and hashtags to follow', async ({ page }) => {
			await page.goto(`/${expected.lang}/`);
			const follow = page.locator('#follow');
			for (const handle of ['GFMDMayors', 'uclg_org', 'MayorsMigration', 'UNmigration', 'Refugees']) {
				await expect(follow.locator(`a[href="https://twitter.com/${handle}"]`)).toHaveText(`@${handle}`);
			}
			for (const tag of ['CitiesIMRF', 'Call2Action']) {
				await expect(follow.locator(`a[href="https://twitter.com/hashtag/${tag}"]`)).toContainText(`#${tag}`);
			}
		});

		test('carries hreflang alternates, Open Graph and Event JSON-LD', async ({ page }) => {
			await page.goto(`/${expected.lang}/`);
			const head = page.locator('head');
			for (const hreflang of ['en', 'fr', 'x-default']) {
				await expect(head.locator(`link[rel="alternate"][hreflang="${hreflang}"]`)).toHaveAttribute('href', /^https?:\/\/[^/]+\/(en|fr)\/$/);
			}
			await expect(head.locator('meta[property="og:locale"]')).toHaveAttribute('content', expected.lang === 'en' ? 'en_US' : 'fr_FR');
			await expect(head.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`/og/${expected.lang}\\.png$`));
			await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
			const jsonLd = JSON.parse((await head.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
			expect(jsonLd['@type']).toBe('Event');
			expect(jsonLd.inLanguage).toBe(expected.lang);
			expect(jsonLd.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
			expect(jsonLd.startDate).toBe('2022-05-18T13:30:00-04:00');
			expect(jsonLd.location.map((l: { '@type': string }) => l['@type'])).toEqual(['Place', 'VirtualLocation']);
			expect(jsonLd.performer).toHaveLength(SPEAKERS.length);
			expect(jsonLd.organizer.length).toBeGreaterThan(0);
		});
	});
}

test.describe('times in the visitor’s own zone', () => {
	test.use({ timezoneId: 'Europe/Paris' });

	test('a visitor in Paris sees New York time and their own, named', async ({ page }) => {
		await page.goto('/fr/');
		const time = page.locator('.when-where');
		await expect(time).toContainText('13:30');
		await expect(time).toContainText('19:30 – 20:30 chez vous (Paris)');
		await page.goto('/en/');
		await expect(page.locator('#agenda .segment').first()).toContainText('your time (Paris)');
	});
});

test.describe('a visitor in New York', () => {
	test.use({ timezoneId: 'America/New_York' });

	test('sees only New York time', async ({ page }) => {
		await page.goto('/en/');
		await expect(page.locator('.when-where time')).toBeVisible();
		await expect(page.locator('.when-where')).not.toContainText('your time');
	});
});
