import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { expect, test } from '@playwright/test';
import { PUBLIC_PAGES } from '../src/lib/event/pages';
import { startDataDataFixtureSite, type DataFixtureSite } from './support/data-fixture-site';

// Two builds of the site from data only, each in a temporary copy: a third, pseudo-translated
// language, and another event (another document, named by EVENT_DOCUMENT, and its words). They prove
// that languages come from one list and that the code knows nothing of this particular event.

const json = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const writeJson = (file: string, value: unknown) => writeFileSync(file, `${JSON.stringify(value, null, '\t')}\n`);

/** Accented vowels, keeping {{variables}}, markdown link keys `](key)` and URLs as they are. */
function pseudo(value: unknown): unknown {
	if (typeof value === 'string') {
		return value
			.split(/(\{\{\w+\}\}|\]\([^)]*\)|https?:\/\/\S+)/)
			.map((part, index) => (index % 2 === 1 ? part : part.replace(/[aeiou]/g, (c) => ({ a: 'á', e: 'é', i: 'í', o: 'ó', u: 'ú' })[c]!)))
			.join('');
	}
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pseudo(inner)]));
	return value;
}

test.describe('a third language added as data only (en-XA, pseudo-translated from English)', () => {
	// One build for the group (a build takes minutes on a busy machine), on one worker.
	test.describe.configure({ mode: 'serial', timeout: 600_000 });
	let site: DataFixtureSite;
	test.beforeAll(async () => {
		test.setTimeout(600_000);
		site = await startDataDataFixtureSite('en-XA', (folder) => {
			const list = join(folder, 'src/lib/i18n/languages.json');
			writeJson(list, [...json(list), { code: 'en-XA', name: 'Ëñglísh (pséúdó)', intlLocale: 'en-US', openGraphLocale: 'en_XA', hour: 'numeric' }]);
			mkdirSync(join(folder, 'locales/en-XA'));
			for (const file of readdirSync(join(folder, 'locales/en'))) writeJson(join(folder, 'locales/en-XA', file), pseudo(json(join(folder, 'locales/en', file))));
		});
	});
	test.afterAll(async () => site?.stop());

	test('its pages are served in it, with <html lang> and hreflang alternates for all three', async ({ page }) => {
		for (const path of PUBLIC_PAGES.map((page) => `/en-XA${page}`)) {
			const response = await page.goto(site.origin + path);
			expect(response?.status(), path).toBe(200);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
			// The site's name in its header, or the event's title on the room's screen (a frame without the header).
			await expect(page.locator('.site-name, .event-title').first()).toContainText('Fróm Márrákéch tó Néw Yórk');
			for (const lang of ['en', 'fr', 'en-XA']) await expect(page.locator(`head link[rel="alternate"][hreflang="${lang}"]`)).toHaveCount(1);
		}
		await page.goto(`${site.origin}/fr/`);
		await expect(page.locator('head link[rel="alternate"][hreflang="en-XA"]')).toHaveAttribute('href', `${site.origin}/en-XA/`);
		await expect(page.locator('a.language-switch[hreflang="en-XA"]')).toHaveAttribute('href', '/en-XA/');
	});

	test('its calendar file is a valid calendar in it', async ({ request }) => {
		const response = await request.get(`${site.origin}/en-XA/calendar.ics`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
		const vevent = new ICAL.Component(ICAL.parse(await response.text())).getFirstSubcomponent('vevent');
		expect(String(vevent?.getFirstPropertyValue('summary'))).toContain('Fróm Márrákéch');
		expect(String(vevent?.getFirstPropertyValue('url'))).toBe(`${site.origin}/en-XA/`);
	});

	test('an address in it that does not exist is a real 404 page, in it', async ({ page }) => {
		const response = await page.goto(`${site.origin}/en-XA/nowhere`);
		expect(response?.status()).toBe(404);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en-XA');
		expect((await page.request.get(`${site.origin}/xx-YY/`)).status()).toBe(404);
	});

	test('the sitemap lists it', async ({ request }) => {
		expect(await (await request.get(`${site.origin}/sitemap.xml`)).text()).toContain(`<loc>${site.origin}/en-XA/live</loc>`);
	});
});

/** Another event: its document, and the words its own facts need (merged into locales/<lang>/event.json). */
const FIXTURE_EVENT = join(process.cwd(), 'tests/fixtures/geneva-2031');

/** `base` with `extra`'s keys set, objects merged key by key. */
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const merged = (base: unknown, extra: unknown): unknown =>
	isObject(base) && isObject(extra) ? { ...base, ...Object.fromEntries(Object.entries(extra).map(([key, value]) => [key, merged(base[key], value)])) } : extra;

test.describe('another event, as data only (two segments, three speakers, Geneva time)', () => {
	// One build for the group (a build takes minutes on a busy machine), on one worker.
	test.describe.configure({ mode: 'serial', timeout: 600_000 });
	let site: DataFixtureSite;
	test.beforeAll(async () => {
		test.setTimeout(600_000);
		const words: Record<string, unknown> = json(join(FIXTURE_EVENT, 'event-words.json'));
		site = await startDataDataFixtureSite(
			'event',
			(folder) => {
				for (const [lang, extra] of Object.entries(words)) {
					const file = join(folder, `locales/${lang}/event.json`);
					writeJson(file, merged(json(file), extra));
				}
			},
			{ EVENT_DOCUMENT: join(FIXTURE_EVENT, 'event.json') }
		);
	});
	test.afterAll(async () => site?.stop());

	test('the page gives its title, date, times in its zone, place, agenda and speakers', async ({ page }) => {
		await page.goto(`${site.origin}/en/`);
		await expect(page.locator('h1')).toContainText('Fixture Forum');
		const whenWhere = page.locator('.when-where');
		await expect(whenWhere).toContainText('Tuesday, March 4, 2031');
		await expect(whenWhere).toContainText(/10:00\s?–\s?11:30\sAM/);
		await expect(whenWhere).toContainText(/Zurich time \(GMT\+1\)/);
		await expect(whenWhere).toContainText(/Room\sXX, Geneva/);
		await expect(page.locator('#agenda .segment')).toHaveCount(2);
		await expect(page.locator('#agenda .segment').nth(1)).toContainText('Dialogue');
		await expect(page.locator('#speakers li')).toHaveCount(3);
		await expect(page.locator('#speakers')).toContainText('Cleo Fixture');
		await expect(page.locator('a[href="https://host-city.example.org/"]').first()).toBeVisible();
	});

	test('JSON-LD follows it', async ({ page }) => {
		await page.goto(`${site.origin}/fr/`);
		const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
		expect(jsonLd.startDate).toBe('2031-03-04T10:00:00+01:00');
		expect(jsonLd.endDate).toBe('2031-03-04T11:30:00+01:00');
		expect(jsonLd.performer).toHaveLength(3);
		expect(JSON.stringify(jsonLd.location)).toContain('14 Avenue de la Paix');
	});

	test('the calendar file and links follow it', async ({ request, page }) => {
		const text = await (await request.get(`${site.origin}/en/calendar.ics`)).text();
		const calendar = new ICAL.Component(ICAL.parse(text));
		expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Zurich');
		const vevent = calendar.getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstPropertyValue('uid')).toBe('fixture-event-geneva-2031');
		expect(text).toMatch(/\r\nDTSTART;TZID=Europe\/Zurich:20310304T100000\r\n/);
		expect(text).toMatch(/\r\nDTEND;TZID=Europe\/Zurich:20310304T113000\r\n/);
		expect(String(vevent.getFirstPropertyValue('summary'))).toBe('Fixture Forum: a test of data');
		await page.goto(`${site.origin}/en/`);
		const google = await page.locator('a[href^="https://calendar.google.com/"]').first().getAttribute('href');
		expect(new URL(google!).searchParams.get('dates')).toBe('20310304T090000Z/20310304T103000Z');
	});

	test('the phase of the event follows its schedule', async ({ page }) => {
		await page.clock.setFixedTime(new Date('2031-03-04T09:25:00Z'));
		await page.goto(`${site.origin}/en/live`);
		await expect(page.getByRole('status').filter({ hasText: 'Live now' }).first()).toContainText('Live now: Dialogue');
	});
});
