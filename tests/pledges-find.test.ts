import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { parseCsv } from '../src/lib/pledges/csv';
import { openStore } from '../src/lib/server/store/open';
import { formatCount } from '$lib/i18n/format';
import { BOTH_ENGINES, ownDatabase } from './support/engine';
import { validateHtml } from './support/nu-validator';
import { createOrganizer } from './support/organizers';
import { ownServer } from './support/server-process';
import { matching, t } from './support/words';

// Finding pledges among more than a thousand: search, filters and pages, on the API and the list page.
// The server is this file's own, on a store of its own (SQLite, or PostgreSQL for the `postgres`
// project): a thousand pledges on the shared store would push other tests' pledges off the first page.
test.describe.configure({ mode: 'serial' });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const MONTREAL = 1_050;
const KAMPALA = 150;
const montreal = (index: number) => ({ government: 'Ville de Montréal', country: 'CA', title: `Accueil n° ${index}`, compacts: ['GCR' as const] });
const kampala = (index: number) => ({ government: 'Kampala Capital City Authority', country: 'UG', title: `Shelter ${index}`, compacts: ['GCM' as const] });

let server: Awaited<ReturnType<typeof ownServer>>;
let token: string;
/** The ids of the pledges stored before the server started, newest first. */
let seeded: string[];
let removeStore: () => Promise<void> = async () => {};

test.beforeAll(async () => {
	test.setTimeout(120_000);
	const { url: databaseUrl, remove } = await ownDatabase('find');
	removeStore = async () => remove();
	// Written straight into the store, as a large import would: quicker than 1,200 requests.
	const store = await openStore(databaseUrl);
	try {
		const { organizer } = await store.organizers.add('seeder@example.org');
		const actor = { id: organizer.id, email: organizer.email };
		const inputs = Array.from({ length: MONTREAL + KAMPALA }, (_, index) => (index % 8 === 7 ? kampala(index) : montreal(index)));
		expect(inputs.filter((input) => input.country === 'UG')).toHaveLength(KAMPALA);
		seeded = (await store.addMany(inputs, actor)).map((pledge) => pledge.id).reverse();
	} finally {
		await store.close();
	}
	token = createOrganizer(databaseUrl).token;
	server = await ownServer(databaseUrl);
});

test.afterAll(async () => {
	await server?.stop();
	await removeStore();
});

interface ListAnswer {
	count: number;
	matching: number;
	pledges: { id: string; title: string; government: string; country: string }[];
	nextCursor: string | null;
}

async function list(request: APIRequestContext, query: string): Promise<ListAnswer> {
	const response = await request.get(`${server.origin}/api/pledges?${query}`);
	expect(response.status(), query).toBe(200);
	return response.json();
}

test('the API’s cursor walks every pledge exactly once while pledges are being added', BOTH_ENGINES, async ({ request }) => {
	const added: string[] = [];
	let walking = true;
	const writer = (async () => {
		for (let index = 0; walking; index++) {
			const response = await request.post(`${server.origin}/api/pledges`, { headers: { authorization: `Bearer ${token}` }, data: kampala(10_000 + index) });
			expect(response.status()).toBe(201);
			added.push((await response.json()).id);
		}
	})();
	const seen: string[] = [];
	let cursor: string | null = null;
	let pages = 0;
	try {
		do {
			const before = added.length;
			const answer: ListAnswer = await list(request, `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
			seen.push(...answer.pledges.map((pledge) => pledge.id));
			cursor = answer.nextCursor;
			pages++;
			// At least one pledge is added between two pages.
			await expect.poll(() => added.length).toBeGreaterThan(before);
		} while (cursor !== null);
	} finally {
		walking = false;
		await writer;
	}
	expect(pages).toBeGreaterThanOrEqual(Math.ceil(seeded.length / 100));
	expect(new Set(seen).size).toBe(seen.length);
	expect(seen.filter((id) => !added.includes(id))).toEqual(seeded);
	expect(added.length).toBeGreaterThanOrEqual(pages);
	console.log(`find: ${seeded.length} pledges at the start walked in ${pages} pages of 100, ${added.length} added during the walk, ${seen.length - seeded.length} of them seen`);
});

test('search and country filter over more than a thousand matches, a page of at most 1,000 at a time', BOTH_ENGINES, async ({ request }) => {
	const first = await list(request, 'q=MONTREAL&country=CA&limit=1000');
	expect(first.matching).toBe(MONTREAL);
	expect(first.pledges).toHaveLength(1000);
	expect(first.nextCursor).toEqual(expect.any(String));
	const second = await list(request, `q=MONTREAL&country=CA&limit=1000&cursor=${encodeURIComponent(first.nextCursor!)}`);
	expect(second.pledges).toHaveLength(MONTREAL - 1000);
	expect(second.nextCursor).toBeNull();
	const all = [...first.pledges, ...second.pledges];
	expect(all.every((pledge) => pledge.government === 'Ville de Montréal' && pledge.country === 'CA')).toBe(true);
	expect(all.map((pledge) => pledge.id)).toEqual(seeded.filter((id) => all.some((pledge) => pledge.id === id)));
	expect(new Set(all.map((pledge) => pledge.id)).size).toBe(MONTREAL);

	expect((await list(request, 'q=montreal&country=UG')).matching).toBe(0);
	expect((await list(request, 'q=accueil%20n%C2%B0%201049&compact=GCR')).pledges.map((pledge) => pledge.title)).toEqual(['Accueil n° 1049']);
});

test('the CSV carries every pledge, past the first thousand', BOTH_ENGINES, async ({ request }) => {
	const parsed = parseCsv(await (await request.get(`${server.origin}/api/pledges.csv`)).text());
	if ('problem' in parsed) throw new Error(parsed.problem);
	const ids = parsed.records.slice(1).map((cells) => cells[0]);
	expect(ids.filter((id) => seeded.includes(id))).toEqual(seeded);
	expect((await list(request, 'limit=1')).count).toBe(ids.length);
});

test('the first page without a cursor keeps its ETag per query string and answers 304 to it', BOTH_ENGINES, async ({ request }) => {
	const url = `${server.origin}/api/pledges?q=montreal&limit=10`;
	const etag = (await request.get(url)).headers()['etag'];
	expect((await request.get(url, { headers: { 'if-none-match': etag } })).status()).toBe(304);
	const other = await request.get(`${server.origin}/api/pledges?q=kampala&limit=10`, { headers: { 'if-none-match': etag } });
	expect(other.status()).toBe(200);
	expect(other.headers()['access-control-allow-origin']).toBe('*');
});

test('a malformed cursor, a search that is too long and unknown filters get a 400 that says why, in the client’s language', BOTH_ENGINES, async ({ request }) => {
	const problems: [string, string, RegExp][] = [
		['cursor=not-a-cursor', 'invalid-cursor', /cursor/],
		[`cursor=${Buffer.from('after:0').toString('base64url')}`, 'invalid-cursor', /cursor/],
		[`q=${'a'.repeat(201)}`, 'search-too-long', /200/],
		['country=XX', 'invalid-country', /ISO 3166-1/],
		['compact=ABC', 'invalid-compact', /GCM/]
	];
	for (const [query, error, message] of problems) {
		const response = await request.get(`${server.origin}/api/pledges?${query}`);
		expect(response.status(), query).toBe(400);
		expect(await response.json(), query).toEqual({ error, message: expect.stringMatching(message) });
	}
	const french = await request.get(`${server.origin}/api/pledges?cursor=x`, { headers: { 'accept-language': 'fr-CA,fr;q=0.9' } });
	expect((await french.json()).message).toBe(t.fr('pledges:listErrors.invalid-cursor'));
	expect((await list(request, `q=${'a'.repeat(200)}`)).matching).toBe(0);
});

test('the list page, without JavaScript: search and country filter, page after page, with the counts', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: server.origin });
	const page = await context.newPage();
	/** "1,198 pledges match. Showing 1 to 50 of 1,198.": the list's status line. */
	const statusLine = (lang: 'en' | 'fr', total: number, first: number, last: number) =>
		`${t[lang]('pledges:public.matching', { count: total, formatted: formatCount(total, lang) })} ${t[lang]('pledges:public.range', { first: formatCount(first, lang), last: formatCount(last, lang), total: formatCount(total, lang) })}`;
	// The page's own status line (the layout has another, for being offline).
	const status = page.getByRole('main').getByRole('status');
	const navigation = page.getByRole('navigation', { name: t.fr('pledges:public.pages.label') });

	await page.goto('/fr/pledges');
	await page.getByRole('searchbox', { name: t.fr('pledges:public.filter.search') }).fill('montreal');
	await page.getByLabel(t.fr('pledges:public.filter.country')).selectOption('CA');
	await page.getByRole('button', { name: t.fr('pledges:public.filter.submit') }).click();
	await expect(page).toHaveURL(/\/fr\/pledges\?q=montreal&country=CA&compact=&status=&report=$/);
	await expect(status).toHaveText(statusLine('fr', MONTREAL, 1, 50));
	await expect(page.getByRole('article')).toHaveCount(50);
	await expect(page.getByRole('article').first().getByRole('heading')).toHaveText('Accueil n° 1198');
	await expect(page.getByRole('searchbox', { name: t.fr('pledges:public.filter.search') })).toHaveValue('montreal');
	await expect(navigation.getByRole('link')).toHaveText([t.fr('pledges:public.pages.next')]);

	await navigation.getByRole('link', { name: t.fr('pledges:public.pages.next') }).click();
	await expect(page).toHaveURL(/\/fr\/pledges\?country=CA&q=montreal&cursor=[\w-]+$/);
	await expect(status).toHaveText(statusLine('fr', MONTREAL, 51, 100));
	const secondPage = await page.getByRole('article').getByRole('heading').allTextContents();
	expect(secondPage).toHaveLength(50);
	expect(secondPage.every((title) => title.startsWith('Accueil n° '))).toBe(true);
	await navigation.getByRole('link', { name: t.fr('pledges:public.pages.first') }).click();
	await expect(page).toHaveURL(/\/fr\/pledges\?country=CA&q=montreal$/);
	const firstPage = await page.getByRole('article').getByRole('heading').allTextContents();
	expect(firstPage.filter((title) => secondPage.includes(title))).toEqual([]);

	// Kampala's 150 seeded pledges, and any the API test added: the last page has no next link.
	await page.goto('/en/pledges?q=Kampala&country=UG');
	const total = Number((await status.textContent())!.match(new RegExp(`^${matching(t.en, 'pledges:public.matching', { formatted: '([\\d,]+)' }, { count: 2 }).source}`))![1].replace(/,/g, ''));
	expect(total).toBeGreaterThanOrEqual(KAMPALA);
	let shown = 0;
	for (;;) {
		shown += await page.getByRole('article').count();
		const next = page.getByRole('navigation', { name: t.en('pledges:public.pages.label') }).getByRole('link', { name: t.en('pledges:public.pages.next') });
		if ((await next.count()) === 0) break;
		await next.click();
	}
	expect(shown).toBe(total);
	await expect(status).toContainText(t.en('pledges:public.range', { first: formatCount(total - ((total - 1) % 50), 'en'), last: formatCount(total, 'en'), total: formatCount(total, 'en') }));
	await context.close();
});

test('the list page keeps the first 200 characters of a longer search instead of refusing it', async ({ page }) => {
	const response = await page.goto(`${server.origin}/en/pledges?q=${'montreal '.repeat(40)}`);
	expect(response?.status()).toBe(200);
	const kept = await page.getByRole('searchbox', { name: t.en('pledges:public.filter.search') }).inputValue();
	expect(kept).toBe('montreal '.repeat(40).slice(0, 200).trim());
	await expect(page.getByRole('main').getByRole('status')).toContainText(t.en('pledges:public.matching', { count: MONTREAL, formatted: formatCount(MONTREAL, 'en') }));
});

test('a searched list with its page links passes axe and the Nu validator, in both languages', async ({ page, request }) => {
	test.setTimeout(120_000);
	const documents: Record<string, string> = {};
	for (const lang of ['en', 'fr']) {
		const first = await list(request, 'q=montreal&limit=50');
		const path = `/${lang}/pledges?q=montreal&cursor=${encodeURIComponent(first.nextCursor!)}`;
		await page.goto(`${server.origin}${path}`);
		await expect(page.getByRole('navigation', { name: t[lang]('pledges:public.pages.label') }).getByRole('link')).toHaveCount(2);
		const results = await new AxeBuilder({ page }).withTags([...WCAG_TAGS, 'best-practice']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), lang).toEqual([]);
		documents[path] = await (await request.get(`${server.origin}${path}`)).text();
	}
	expect(await validateHtml(documents)).toEqual([]);
});
