import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { event } from '$lib/event/event';
import { formatDate, formatTimeRange } from '$lib/i18n/format';
import { chromiumPath } from '../src/bin/chromium-path.js';
import { startFixtureSite, type FixtureSite } from './support/fixture-site';
import { DAY, MINUTE, shifted } from './support/instants';
import { literally, t } from './support/words';

// The site built with a stream per channel, a player, captions and some recordings, weeks before the event: its pages were written when no phase could be stated yet.
const SETTINGS = {
	PUBLIC_LIVESTREAM_URL_FLOOR: 'https://stream.example.org/floor',
	PUBLIC_LIVESTREAM_URL_EN: 'https://stream.example.org/en',
	PUBLIC_LIVESTREAM_URL_FR: 'https://stream.example.org/fr',
	PUBLIC_LIVESTREAM_EMBED_URL_EN: 'https://player.example.org/embed/en',
	PUBLIC_CAPTIONS_URL_EN: 'https://cart.example.org/en',
	PUBLIC_CAPTIONS_URL_FR: 'https://cart.example.org/fr',
	PUBLIC_RECORDING_URL_FLOOR: 'https://rec.example.org/floor',
	PUBLIC_RECORDING_URL_EN: 'https://rec.example.org/en',
	SOURCE_DATE_EPOCH: String(Math.floor(shifted(event.start, -17 * DAY).getTime() / 1000))
};
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BEFORE = shifted(event.start, -30 * MINUTE);
const LIVE = shifted(event.start, 30 * MINUTE);
const AFTER = shifted(event.end, 30 * MINUTE);
/** A sound channel's name ("Floor (original)") in a page in `lang`. */
const channel = (lang: 'en' | 'fr', id: string) => t[lang](`live:channel.${id}`);
/** The beginning of a sentence, as a regular expression. */
const startsWith = (text: string) => new RegExp(`^${literally(text)}`);

// One build for the whole file: its tests share one worker.
test.describe.configure({ mode: 'serial' });
// The desktop Chromium where the tests' browser is the headless shell: the shell (Debian's 156) does
// not let routes answer a navigation that a redirect sends to another site, and "watch" is one.
test.use({ launchOptions: { executablePath: chromiumPath() } });
let site: FixtureSite;

test.beforeAll(async () => {
	test.setTimeout(300_000);
	site = await startFixtureSite(SETTINGS);
});
test.afterAll(async () => {
	await site?.stop();
});

/** Other sites answer with a page of their own: the tests never leave the machine. */
async function stubOtherSites(page: Page) {
	const asked: string[] = [];
	await page.context().route(/^https:\/\/(stream|player|cart|rec)\.example\.org\//, (route) => {
		asked.push(route.request().url());
		return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Elsewhere</title><p>Elsewhere</p></html>' });
	});
	return asked;
}

const hydrated = (page: Page) => expect(page.locator('#join [data-island="LiveJoin"][data-hydrated]')).toBeAttached();

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a page built before the end states the schedule only, and offers each channel through the choice page', async ({ page }) => {
		await page.goto(`${site.origin}/en/live`);
		await expect(page.locator('.hero .phase')).toHaveAttribute('data-phase', 'unknown');
		await expect(page.locator('.hero .phase').getByRole('status')).toHaveText(startsWith(t.en('live:status.scheduled', { date: formatDate(event.start, 'en', event.timeZone), time: formatTimeRange(event.start, event.end, 'en', event.timeZone) })));
		await expect(page.locator('.hero .phase-reminder')).toHaveCount(0);
		const channels = page.locator('#join .channels a');
		await expect(channels).toHaveText([channel('en', 'en'), channel('en', 'fr'), channel('en', 'floor')]);
		await expect(channels.nth(0)).toHaveAttribute('href', '/en/watch/en');
		await expect(channels.nth(1)).toHaveAttribute('href', '/en/watch/fr');
		await expect(channels.nth(1).locator('span[lang="fr"]')).toHaveText(channel('en', 'fr'));
		await expect(channels.nth(2)).toHaveAttribute('href', '/en/watch/floor');
		await expect(page.locator('#join .captions a')).toHaveText([channel('en', 'en'), channel('en', 'fr')]);
		await expect(page.locator('#join .captions a').first()).toHaveAttribute('href', 'https://cart.example.org/en');
		await expect(page.locator('#join details.player')).not.toHaveAttribute('open');
		await expect(page.locator('#after')).toHaveCount(0);

		await page.goto(`${site.origin}/fr/`);
		await expect(page.locator('#livestream').getByText(startsWith(t.fr('event:livestream.text.scheduled', { date: formatDate(event.start, 'fr', event.timeZone) })))).toHaveCount(1);
		await expect(page.locator('#livestream a.button')).toHaveAttribute('href', '/fr/watch');
	});

	test('the chosen channel is remembered, and "watch" leads to it on the next page', async ({ page }) => {
		const asked = await stubOtherSites(page);
		await page.goto(`${site.origin}/fr/live`);
		await page.locator('#join .channels a', { hasText: channel('fr', 'floor') }).click();
		await expect(page).toHaveURL('https://stream.example.org/floor');
		const cookie = (await page.context().cookies(site.origin)).find((c) => c.name === 'channel');
		expect(cookie?.value).toBe('floor');
		expect(cookie?.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 24 * 3600);

		await page.goto(`${site.origin}/fr/`);
		await page.locator('#livestream a.button').click();
		await expect(page).toHaveURL('https://stream.example.org/floor');
		expect(asked.filter((url) => url === 'https://stream.example.org/floor')).toHaveLength(2);
	});

	test('"watch" with no remembered channel leads to the page language’s stream; an unknown channel is a 404', async ({ request }) => {
		const watch = await request.get(`${site.origin}/fr/watch`, { maxRedirects: 0 });
		expect(watch.status()).toBe(303);
		expect(watch.headers()['location']).toBe('https://stream.example.org/fr');
		expect((await request.get(`${site.origin}/fr/watch/de`, { maxRedirects: 0 })).status()).toBe(404);
	});
});

test.describe('with JavaScript', () => {
	test('the remembered channel is offered first and marked, in both languages', async ({ page }) => {
		await stubOtherSites(page);
		await page.clock.setFixedTime(BEFORE);
		await page.goto(`${site.origin}/en/live`);
		await hydrated(page);
		await expect(page.locator('#join .channels a').first()).toHaveText(channel('en', 'en'));
		await expect(page.locator('#join .remembered')).toHaveCount(0);
		await page.locator('#join .channels a', { hasText: channel('en', 'fr') }).click();
		await expect(page).toHaveURL('https://stream.example.org/fr');

		for (const lang of ['en', 'fr'] as const) {
			await page.goto(`${site.origin}/${lang}/live`);
			await hydrated(page);
			const first = page.locator('#join .channels li').first();
			await expect(first.locator('a')).toHaveText(channel(lang, 'fr'));
			await expect(first.locator('.remembered')).toHaveText(`(${t[lang]('live:join.remembered')})`);
			await expect(page.locator('#join .remembered')).toHaveCount(1);
		}
	});

	test('a channel link focused before the island runs keeps the focus when the remembered channel moves first', async ({ page }) => {
		await stubOtherSites(page);
		await page.clock.setFixedTime(BEFORE);
		// The site remembers the channel chosen last.
		await page.goto(`${site.origin}/en/live`);
		await page.locator('#join .channels a', { hasText: channel('en', 'fr') }).click();
		await expect(page).toHaveURL('https://stream.example.org/fr');
		// The islands' script waits until the visitor has tabbed to the first link of the server's order.
		let release!: () => void;
		const focused = new Promise<void>((resolve) => (release = resolve));
		await page.route(/\/islands\.js$/, async (route) => {
			await focused;
			await route.continue();
		});
		await page.goto(`${site.origin}/en/live`, { waitUntil: 'commit' });
		const first = page.locator('#join .channels a').first();
		const channels = await first.getAttribute('data-channels');
		await first.focus();
		release();
		await hydrated(page);
		await expect(page.locator('#join .channels a').first()).toHaveText(channel('en', 'fr'));
		await expect(page.locator(`#join .channels a[data-channels="${channels}"]`)).toBeFocused();
	});

	test('the player loads only when the visitor asks for it', async ({ page }) => {
		const asked = await stubOtherSites(page);
		await page.clock.setFixedTime(LIVE);
		await page.goto(`${site.origin}/en/live`);
		await hydrated(page);
		await page.waitForLoadState('networkidle');
		expect(asked.filter((url) => url.startsWith('https://player.example.org/'))).toEqual([]);
		await page.locator('#join details.player summary').click();
		await expect(page.locator('#join iframe')).toBeVisible();
		await expect.poll(() => asked.filter((url) => url.startsWith('https://player.example.org/'))).toEqual(['https://player.example.org/embed/en']);
		await expect(page.locator('#join details.player summary')).toHaveText(`${t.en('live:join.player')} (${channel('en', 'en')})`);
	});

	test('a visitor watching when the scheduled end passes keeps the player, with the recordings below it', async ({ page }) => {
		await stubOtherSites(page);
		await page.clock.install({ time: shifted(event.end, -MINUTE) });
		await page.goto(`${site.origin}/en/live`);
		await hydrated(page);
		await page.locator('#join details.player summary').click();
		await expect(page.locator('#join iframe')).toBeVisible();
		// Marked, to tell this player from one made anew.
		await page.locator('#join iframe').evaluate((frame) => frame.setAttribute('data-watched', ''));
		await page.clock.runFor(2 * MINUTE);
		await expect(page.locator('#join').getByRole('heading', { name: t.en('live:recording.heading') })).toBeVisible();
		await expect(page.locator('#join a.button', { hasText: t.en('live:recording.link') })).toHaveCount(2);
		await expect(page.locator('#join iframe[data-watched]')).toBeVisible();
		await expect(page.locator('#join details.player')).toHaveAttribute('open', '');
	});

	test('after the end, exactly the recordings that are set, and no captions any more', async ({ page }) => {
		await page.clock.setFixedTime(AFTER);
		await page.goto(`${site.origin}/fr/live`);
		await expect(page.locator('.hero .phase')).toHaveAttribute('data-phase', 'after');
		const recordings = page.locator('#join a.button');
		await expect(recordings).toHaveText([`${t.fr('live:recording.link')} (${channel('fr', 'en')})`, `${t.fr('live:recording.link')} (${channel('fr', 'floor')})`]);
		await expect(recordings.nth(0)).toHaveAttribute('href', 'https://rec.example.org/en');
		await expect(recordings.nth(1)).toHaveAttribute('href', 'https://rec.example.org/floor');
		await expect(page.locator('#join .captions')).toHaveCount(0);
		await expect(page.locator('#after')).toHaveCount(1);

		await page.goto(`${site.origin}/en/`);
		await expect(page.locator('#livestream a.button')).toHaveText(t.en('live:recording.link'));
		await expect(page.locator('#livestream a.button')).toHaveAttribute('href', 'https://rec.example.org/en');
	});

	for (const [name, at, lang] of [
		['before the start', BEFORE, 'en'],
		['live, with the player open', LIVE, 'fr'],
		['after the end', AFTER, 'en']
	] as const) {
		test(`axe finds nothing ${name}`, async ({ page }) => {
			await stubOtherSites(page);
			await page.clock.setFixedTime(at);
			await page.goto(`${site.origin}/${lang}/live`);
			await hydrated(page);
			if (at === LIVE) await page.locator('#join details.player summary').click();
			const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
			expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		});
	}
});

test('CSP lets frames come from the configured player only', async ({ request }) => {
	const html = await (await request.get(`${site.origin}/en/live`)).text();
	expect(html).toMatch(/frame-src https:\/\/player\.example\.org[;"]/);
});

test('the calendar entry names each stream with its channels, and the captions', async ({ request }) => {
	const ics = (await (await request.get(`${site.origin}/en/calendar.ics`)).text()).replace(/\r\n[ \t]/g, '');
	for (const id of ['EN', 'FR', 'FLOOR'] as const) {
		expect(ics).toContain(t.en('calendar:description.livestream', { channels: channel('en', id.toLowerCase()), url: SETTINGS[`PUBLIC_LIVESTREAM_URL_${id}`] }));
	}
	for (const id of ['EN', 'FR'] as const) expect(ics).toContain(t.en('calendar:description.captions', { language: channel('en', id.toLowerCase()), url: SETTINGS[`PUBLIC_CAPTIONS_URL_${id}`] }));
	expect(ics).toContain(`UID:${event.id}`);
});
