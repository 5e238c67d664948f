import { expect, test } from '@playwright/test';
import { BOTH_ENGINES, ownDatabase } from './support/engine';
import { createOrganizer } from './support/organizers';
import { askAsViewer, questionsApi, uniqueQuestion, waitForIslands } from './support/questions';
import { ownServer } from './support/server-process';
import { t } from './support/words';

// The bounded lists: the top of each list, then pages through `?cursor=`. A server of this suite's own
// with a list of LIST_SIZE (the setting QUESTIONS_LIST_SIZE), on the project's engine, so that a few
// questions make several pages and no other suite's questions mix in.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const LIST_SIZE = 2;
const APPROVED = 5;
const ANSWERED = 3;
let server: Awaited<ReturnType<typeof ownServer>>;
let api: ReturnType<typeof questionsApi>;
let removeDatabase = () => {};
/** The approved questions' texts, oldest first: with no votes, the order of the list. */
const approved: string[] = [];
const answered: string[] = [];

test.beforeAll(async () => {
	const { url: databaseUrl, remove } = await ownDatabase('paging');
	removeDatabase = remove;
	server = await ownServer(databaseUrl, { env: { QUESTIONS_LIST_SIZE: String(LIST_SIZE) } });
	api = questionsApi(server.origin, createOrganizer(databaseUrl).token);
	await api.setOpen(true);
	for (let i = 0; i < APPROVED + ANSWERED; i++) {
		const text = uniqueQuestion(`Page question ${i}`);
		await api.moderate(await askAsViewer(server.origin, text), { status: i < APPROVED ? 'approved' : 'answered' });
		(i < APPROVED ? approved : answered).push(text);
	}
});
test.afterAll(async () => {
	await server?.stop();
	removeDatabase();
});

interface Page {
	questions: { id: string; text: string; status: string }[];
	nextCursor?: string | null;
	answeredCursor?: string | null;
}

test('GET /api/questions gives the top of each list, and ?cursor= the pages after it, none larger than the setting', BOTH_ENGINES, async () => {
	const get = async (query = '') => (await (await fetch(`${server.origin}/api/questions${query}`)).json()) as Page;
	const first = await get();
	const texts = (page: Page, status: string) => page.questions.filter((q) => q.status === status).map((q) => q.text);
	expect(texts(first, 'approved')).toEqual(approved.slice(0, LIST_SIZE));
	expect(texts(first, 'answered')).toEqual(answered.slice(0, LIST_SIZE));
	const seen = texts(first, 'approved');
	let cursor = first.nextCursor;
	while (cursor) {
		const page = await get(`?cursor=${encodeURIComponent(cursor)}`);
		expect(page.questions.length).toBeLessThanOrEqual(LIST_SIZE);
		seen.push(...texts(page, 'approved'));
		cursor = page.nextCursor;
	}
	expect(seen).toEqual(approved);
	const answeredPage = await get(`?cursor=${encodeURIComponent(first.answeredCursor!)}`);
	expect(texts(answeredPage, 'answered')).toEqual(answered.slice(LIST_SIZE));
});

test('a cursor the server did not make is answered 400 with a message in the asker’s language', BOTH_ENGINES, async () => {
	const response = await fetch(`${server.origin}/api/questions?cursor=not-a-cursor`, { headers: { 'accept-language': 'fr' } });
	expect(response.status).toBe(400);
	expect(await response.json()).toMatchObject({ error: 'invalid-cursor', message: t.fr('questions:apiErrors.invalidCursor') });
});

test.describe('without JavaScript', BOTH_ENGINES, () => {
	test.use({ javaScriptEnabled: false });

	test('the questions page shows the top of each list and pages through the rest with "more" links', async ({ page }) => {
		await page.goto(`${server.origin}/fr/live/questions`);
		const shown = () => page.locator('#questions li .text').allTextContents();
		expect(await shown()).toEqual([...approved.slice(0, LIST_SIZE), ...answered.slice(0, LIST_SIZE)]);
		const seen: string[] = approved.slice(0, LIST_SIZE);
		const more = page.getByRole('link', { name: t.fr('questions:list.more'), exact: true });
		while ((await more.count()) > 0) {
			await more.click();
			await expect(page).toHaveURL(/\?cursor=/);
			const texts = await shown();
			expect(texts.length).toBeLessThanOrEqual(LIST_SIZE);
			seen.push(...texts);
		}
		expect(seen).toEqual(approved);
		await page.getByRole('link', { name: t.fr('questions:list.top') }).click();
		await page.getByRole('link', { name: t.fr('questions:list.moreAnswered') }).click();
		expect(await shown()).toEqual(answered.slice(LIST_SIZE));
	});

	test('a cursor the server did not make is the 400 page, not a server error', async ({ page }) => {
		const response = await page.goto(`${server.origin}/en/live/questions?cursor=not-a-cursor`);
		expect(response?.status()).toBe(400);
		await expect(page.getByText(t.en('common:notFound.badRequestTitle')).first()).toBeVisible();
	});
});

test('the live list keeps its bounded top: a question voted into it appears, the one it pushes out leaves', BOTH_ENGINES, async ({ page }) => {
	await page.goto(`${server.origin}/en/live/questions`);
	await waitForIslands(page);
	const approvedList = page.locator('#questions ol').first().locator('li .text');
	await expect(approvedList).toHaveText(approved.slice(0, LIST_SIZE));
	const last = approved.at(-1)!;
	// A vote from another browser (no cookie: a new viewer) on the last question lifts it to the top.
	const id = await idOf(last);
	const vote = await fetch(`${server.origin}/api/questions/${id}/vote`, { method: 'POST', headers: { origin: server.origin } });
	expect(vote.status).toBe(200);
	await expect(approvedList).toHaveText([last, approved[0]]);
});

/** A public question's id, from the API's pages. */
async function idOf(text: string): Promise<string> {
	let query = '';
	for (;;) {
		const page = (await (await fetch(`${server.origin}/api/questions${query}`)).json()) as Page;
		const found = page.questions.find((q) => q.text === text);
		if (found) return found.id;
		if (!page.nextCursor) throw new Error(`no public question "${text}"`);
		query = `?cursor=${encodeURIComponent(page.nextCursor)}`;
	}
}
