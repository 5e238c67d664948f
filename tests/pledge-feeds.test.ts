import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { countryName } from '$lib/i18n/format';
import { RECORDED_BY, recordPledge } from './support/organizer-token';
import { sharedOrganizer, signIn, uniqueTitle } from './support/organizers';
import { t } from './support/words';
import { BOTH_ENGINES } from './support/engine';

// Anyone follows the pledges' progress without an account: Atom feeds of every pledge, one country's
// and one pledge's, read back by an independent parser. Runs on SQLite and PostgreSQL.
const NOTE_DAY = '2025-11-15';

interface Entry {
	id: string;
	title: string;
	updated: string;
	link: { '@_href': string }[];
}

/** The feed at `path`, checked as well-formed Atom with what RFC 4287 requires of a feed and its entries. */
async function readFeed(request: APIRequestContext, path: string): Promise<{ title: string; entries: Entry[] }> {
	const response = await request.get(path);
	expect(response.status(), path).toBe(200);
	expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
	const xml = await response.text();
	expect(XMLValidator.validate(xml)).toBe(true);
	const parser = new XMLParser({ ignoreAttributes: false, textNodeName: 'text', isArray: (name) => name === 'entry' || name === 'link' });
	const feed = parser.parse(xml).feed;
	expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
	for (const required of ['id', 'title', 'updated', 'author']) expect(feed[required], required).toBeTruthy();
	const entries = ((feed.entry ?? []) as (Entry & { title: { text: string } })[]).map((entry) => ({ ...entry, title: entry.title.text }));
	for (const entry of entries) {
		expect(entry.id).toBeTruthy();
		expect(Number.isNaN(Date.parse(entry.updated))).toBe(false);
	}
	return { title: feed.title, entries };
}

/** Posts one of the console's forms as the signed-in organizer's browser does without JavaScript. */
async function consoleForm(request: APIRequestContext, baseURL: string, path: string, form: Record<string, string>) {
	const response = await request.post(path, { form, headers: { origin: baseURL, accept: 'text/html' }, maxRedirects: 0 });
	expect(response.status(), path).toBe(303);
}

const titleOf = (pledge: string, lang: 'en' | 'fr' = 'en') => ({
	recorded: t[lang]('follow:feed.entry.recorded', { title: pledge }),
	status: (status: string) => t[lang]('follow:feed.entry.status', { title: pledge, status: t[lang](`pledges:statuses.${status}`) }),
	note: (date: string) => t[lang]('follow:feed.entry.note', { title: pledge, date: new Intl.DateTimeFormat(lang === 'en' ? 'en-US' : 'fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`)) })
});

test('a pledge’s feed has its record, its status changes and its notes, newest first, with the same ids at every reading', BOTH_ENGINES, async ({ baseURL, page }) => {
	const title = uniqueTitle('Welcome desks: 3 < 5 & "more"');
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, title);
	await signIn(page);
	await consoleForm(page.request, baseURL!, `/organizers/pledges/${id}?/status`, { status: 'in-progress' });
	await consoleForm(page.request, baseURL!, `/organizers/pledges/${id}?/note`, { date: NOTE_DAY, text: 'Two desks open.' });

	for (const lang of ['en', 'fr'] as const) {
		const feed = await readFeed(page.request, `/${lang}/pledges/${id}/feed.xml`);
		expect(feed.title).toBe(t[lang]('follow:feed.titlePledge', { title, government: RECORDED_BY.government }));
		const expected = titleOf(title, lang);
		// The titles are HTML (type="html"): the pledge's "<", "&" and quotes come escaped, as text.
		const shown = feed.entries.map((entry) => entry.title.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
		expect(shown).toEqual([expected.note(NOTE_DAY), expected.status('in-progress'), expected.recorded]);
		expect(feed.entries.every((entry) => entry.link[0]['@_href'].endsWith(`/${lang}/pledges/${id}`))).toBe(true);
	}
	const ids = (await readFeed(page.request, `/en/pledges/${id}/feed.xml`)).entries.map((entry) => entry.id);
	await consoleForm(page.request, baseURL!, `/organizers/pledges/${id}?/status`, { status: 'achieved' });
	expect((await readFeed(page.request, `/en/pledges/${id}/feed.xml`)).entries.map((entry) => entry.id).slice(1)).toEqual(ids);
});

test('the feed of all pledges and one country’s carry a new pledge; another country’s do not', BOTH_ENGINES, async ({ baseURL, request }) => {
	const token = sharedOrganizer().token;
	const ugandan = uniqueTitle('Ugandan pledge');
	const canadian = uniqueTitle('Canadian pledge');
	await recordPledge(baseURL!, token, ugandan);
	await recordPledge(baseURL!, token, canadian, { government: 'Ville de Montréal', country: 'CA' });
	const titles = async (path: string) => (await readFeed(request, path)).entries.map((entry) => entry.title);
	expect(await titles('/en/pledges/feed.xml')).toEqual(expect.arrayContaining([titleOf(ugandan).recorded, titleOf(canadian).recorded]));
	const inUganda = await titles('/en/pledges/feed.xml?country=ug');
	expect(inUganda).toContain(titleOf(ugandan).recorded);
	expect(inUganda).not.toContain(titleOf(canadian).recorded);
	expect((await readFeed(request, '/fr/pledges/feed.xml?country=UG')).title).toBe(t.fr('follow:feed.titleCountry', { country: countryName('UG', 'fr') }));
});

test('a feed asked for a country that is none answers 400 in its language', BOTH_ENGINES, async ({ request }) => {
	for (const lang of ['en', 'fr'] as const) {
		for (const country of ['ZZ', 'Uganda', '<b>']) {
			const response = await request.get(`/${lang}/pledges/feed.xml?country=${encodeURIComponent(country)}`);
			expect(response.status()).toBe(400);
			expect(response.headers()['content-type']).toBe('text/plain; charset=utf-8');
			expect(await response.text()).toBe(t[lang]('follow:feed.badCountry'));
		}
	}
});

test('a withdrawn pledge leaves every feed, and its own answers 410; an unknown pledge’s 404', BOTH_ENGINES, async ({ baseURL, page }) => {
	const title = uniqueTitle('To be withdrawn');
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, title);
	await signIn(page);
	await consoleForm(page.request, baseURL!, `/organizers/pledges/${id}?/note`, { date: NOTE_DAY, text: 'A note before leaving.' });
	await consoleForm(page.request, baseURL!, '/organizers?/withdraw', { id });
	expect((await page.request.get(`/en/pledges/${id}/feed.xml`)).status()).toBe(410);
	expect((await page.request.get('/en/pledges/00000000-0000-4000-8000-000000000000/feed.xml')).status()).toBe(404);
	for (const path of ['/en/pledges/feed.xml', '/en/pledges/feed.xml?country=UG']) {
		const entries = (await readFeed(page.request, path)).entries;
		expect(entries.some((entry) => entry.link[0]['@_href'].endsWith(id)), path).toBe(false);
	}
});

test('a feed answers 304 to its current ETag and a new one after a change', BOTH_ENGINES, async ({ baseURL, request }) => {
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, uniqueTitle('Cached'));
	for (const path of ['/en/pledges/feed.xml', `/fr/pledges/${id}/feed.xml`]) {
		const etag = (await request.get(path)).headers()['etag'];
		expect(etag).toMatch(/^(W\/)?"[^"]+"$/);
		expect((await request.get(path, { headers: { 'if-none-match': etag } })).status()).toBe(304);
	}
	const etag = (await request.get('/en/pledges/feed.xml')).headers()['etag'];
	expect((await request.get('/en/pledges/feed.xml?country=UG', { headers: { 'if-none-match': etag } })).status()).toBe(200);
	await recordPledge(baseURL!, sharedOrganizer().token, uniqueTitle('Changes the ETag'));
	expect((await request.get('/en/pledges/feed.xml', { headers: { 'if-none-match': etag } })).status()).toBe(200);
});

test('the list and a pledge’s page announce their feeds to readers and link them, without JavaScript', async ({ baseURL, browser }) => {
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, uniqueTitle('Announced'));
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	for (const lang of ['en', 'fr'] as const) {
		await page.goto(`/${lang}/pledges?country=UG`);
		const alternates = page.locator('link[rel="alternate"][type="application/atom+xml"]');
		await expect(alternates).toHaveCount(2);
		await expect(alternates.nth(0)).toHaveAttribute('href', `/${lang}/pledges/feed.xml`);
		await expect(alternates.nth(1)).toHaveAttribute('href', `/${lang}/pledges/feed.xml?country=UG`);
		await expect(page.getByRole('link', { name: t[lang]('follow:feed.link'), exact: true })).toHaveAttribute('href', `/${lang}/pledges/feed.xml`);
		await page.goto(`/${lang}/pledges/${id}`);
		await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `/${lang}/pledges/${id}/feed.xml`);
		await expect(page.getByRole('link', { name: t[lang]('follow:feed.link') })).toHaveAttribute('href', `/${lang}/pledges/${id}/feed.xml`);
	}
	await context.close();
});
