import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import consoleWords from '../locales/en/organizers.json' with { type: 'json' };
import { askAsViewer, expectNotReloaded, markPage, questionsApi, signInToConsole, uniqueQuestion, waitForIslands } from './support/questions';
import { literally, t } from './support/words';

// Opening and closing the Q&A is one state for the whole site: these journeys take turns.
test.describe.configure({ mode: 'serial' });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
async function expectNoAxeFindings(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

/** What the pages and the console say, in each language, from the locale files. */
const wordsIn = (lang: 'en' | 'fr') => ({
	field: t[lang]('questions:form.text'),
	name: t[lang]('questions:form.name'),
	send: t[lang]('questions:form.submit'),
	awaiting: new RegExp(literally(t[lang]('questions:awaiting'))),
	askAnother: t[lang]('questions:askAnother'),
	none: t[lang]('questions:list.none'),
	vote: t[lang]('questions:list.vote'),
	unvote: t[lang]('questions:list.unvote'),
	voted: t[lang]('questions:list.voted'),
	answered: t[lang]('questions:list.answered'),
	closed: new RegExp(literally(t[lang]('questions:closed'))),
	approve: t[lang]('organizers:questions.approve'),
	putOnScreen: t[lang]('organizers:questions.putOnScreen'),
	markAnswered: t[lang]('organizers:questions.markAnswered'),
	open: t[lang]('organizers:questions.open'),
	close: t[lang]('organizers:questions.close'),
	closedRefusal: t[lang]('questions:errors.closed')
});
const WORDS = { en: wordsIn('en'), fr: wordsIn('fr') };

async function viewer(browser: Browser, path: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await page.goto(path);
	await waitForIslands(page);
	await markPage(page);
	return page;
}

/** The approved list's question texts, in the order shown. */
const approvedTexts = (page: Page) => page.locator('#questions ol').first().locator('li .text').allTextContents();

for (const lang of ['en', 'fr'] as const) {
	const words = WORDS[lang];

	test(`${lang}: a question is moderated, then followed live by every viewer, voted up, put on screen and answered`, async ({ page, browser, baseURL }) => {
		// Five pages and three axe runs: room for a loaded two-core machine.
		test.setTimeout(150_000);
		const organizer = await signInToConsole(page, lang);
		const api = questionsApi(baseURL!, organizer.token);
		await api.setOpen(true);
		await page.goto(`/organizers/questions?lang=${lang}`);
		await markPage(page);

		const asker = await viewer(browser, `/${lang}/live`);
		const first = uniqueQuestion(lang === 'en' ? 'How do cities fund welcome desks' : 'Comment les villes financent-elles l’accueil');
		const second = uniqueQuestion(lang === 'en' ? 'Who speaks for migrants in city halls' : 'Qui parle pour les migrants dans les mairies');
		for (const text of [first, second]) {
			await asker.getByLabel(words.field).fill(text);
			await asker.getByLabel(words.name).fill('Ana Pérez');
			await asker.getByRole('button', { name: words.send }).click();
			await expect(asker.getByText(words.awaiting).first()).toBeVisible();
			await asker.getByRole('button', { name: words.askAnother }).click();
		}
		await expectNotReloaded(asker);

		const other = await viewer(browser, `/${lang}/live`);
		const third = await viewer(browser, `/${lang}/live/questions`);
		for (const page of [other, third]) await expect(page.getByText(first)).toHaveCount(0);
		expect(((await (await fetch(`${baseURL}/api/questions`)).json()) as { questions: { text: string }[] }).questions.map((q) => q.text)).not.toContain(first);

		// The moderation view shows both without a reload, oldest first.
		const pending = page.locator('section', { has: page.locator('#pending-heading') });
		await expect(pending.getByText(first)).toBeVisible({ timeout: 5_000 });
		await expect(pending.getByText(second)).toBeVisible();
		await expectNotReloaded(page);
		await expectNoAxeFindings(page);
		for (const text of [first, second]) {
			await page.locator('li', { hasText: text }).getByRole('button', { name: words.approve }).click();
			await expect(page.locator('section', { has: page.locator('#approved-heading') }).getByText(text)).toBeVisible();
		}

		// Two other viewers see them within 3 s, without reloading, each in the language it was asked in.
		for (const page of [other, third]) {
			await expect(page.getByText(second)).toBeVisible({ timeout: 3_000 });
			await expect(page.getByText(first)).toHaveAttribute('lang', lang);
			await expectNotReloaded(page);
		}
		expect(await approvedTexts(third)).toEqual(expect.arrayContaining([first, second]));
		const order = await approvedTexts(third);
		expect(order.indexOf(first)).toBeLessThan(order.indexOf(second));

		// A vote for the newer one puts it first for everyone.
		await other.locator('li', { hasText: second }).getByRole('button', { name: words.vote }).click();
		await expect(other.getByRole('status').filter({ hasText: words.voted })).toBeAttached();
		await expect(other.locator('li', { hasText: second }).getByRole('button', { name: words.unvote })).toBeFocused();
		await expect.poll(async () => (await approvedTexts(third)).indexOf(second) < (await approvedTexts(third)).indexOf(first), { timeout: 3_000 }).toBe(true);
		await expectNotReloaded(third);

		// On screen: the room screen shows it, large, with the asker's name.
		const screen = await viewer(browser, `/${lang}/screen`);
		await page.locator('li', { hasText: second }).getByRole('button', { name: words.putOnScreen }).click();
		const onScreen = screen.locator('.on-screen blockquote');
		await expect(onScreen).toContainText(second, { timeout: 3_000 });
		await expect(onScreen).toContainText('Ana Pérez');
		await expect(onScreen.locator('.text')).toHaveAttribute('lang', lang);
		await expectNoAxeFindings(screen);

		// Answered: it moves to its own list.
		await page.locator('li', { hasText: second }).getByRole('button', { name: words.markAnswered }).click();
		await expect(third.getByRole('heading', { name: words.answered })).toBeVisible({ timeout: 3_000 });
		await expect(third.locator('h3', { hasText: words.answered }).locator('xpath=following-sibling::ol[1]')).toContainText(second);
		expect(await approvedTexts(third)).not.toContain(second);
		await expectNoAxeFindings(third);
	});
}

test('the moderation view applies what the stream sends, without fetching the page again', async ({ page, baseURL }) => {
	const organizer = await signInToConsole(page, 'en');
	const api = questionsApi(baseURL!, organizer.token);
	await api.setOpen(true);
	await page.goto('/organizers/questions');
	await expect(page.locator('[data-island="ModerationQueue"][data-hydrated]')).toBeAttached({ timeout: 15_000 });
	await markPage(page);
	const pageFetches: string[] = [];
	page.on('request', (request) => {
		if (new URL(request.url()).pathname === '/organizers/questions') pageFetches.push(request.url());
	});

	const text = uniqueQuestion('Streamed to the console');
	const id = await askAsViewer(baseURL!, text);
	const pending = page.locator('section', { has: page.locator('#pending-heading') });
	const approved = page.locator('section', { has: page.locator('#approved-heading') });
	await expect(pending.getByText(text)).toBeVisible();
	await api.moderate(id, { status: 'approved' });
	await expect(approved.getByText(text)).toBeVisible();
	await expect(pending.getByText(text)).toHaveCount(0);
	await expect(page.getByText(consoleWords.questions.live)).toBeVisible();
	await expectNotReloaded(page);
	expect(pageFetches).toEqual([]);
});

test('closed: the pages say so in both languages, offer no form, and a post is refused', async ({ page, browser, baseURL }) => {
	await signInToConsole(page, 'fr');
	await page.goto('/organizers/questions');
	const closeButton = page.getByRole('button', { name: WORDS.fr.close });
	if (await closeButton.isVisible()) await closeButton.click();
	await expect(page.getByRole('button', { name: WORDS.fr.open })).toBeVisible();
	try {
		for (const lang of ['en', 'fr'] as const) {
			const live = await viewer(browser, `/${lang}/live`);
			await expect(live.getByText(WORDS[lang].closed)).toBeVisible();
			await expect(live.getByLabel(WORDS[lang].field)).toHaveCount(0);
			const response = await fetch(`${baseURL}/api/questions`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ text: uniqueQuestion('Too late'), lang })
			});
			expect(response.status).toBe(403);
			expect(await response.json()).toMatchObject({ error: 'closed', message: WORDS[lang].closedRefusal });
		}
	} finally {
		await page.getByRole('button', { name: WORDS.fr.open }).click();
		await expect(page.getByRole('button', { name: WORDS.fr.close })).toBeVisible();
	}
	await page.goto('/organizers/audit');
	await expect(page.getByRole('cell', { name: t.fr('organizers:audit.actions.questions-close') }).first()).toBeVisible();
	await expect(page.getByRole('cell', { name: t.fr('organizers:audit.actions.questions-open') }).first()).toBeVisible();
});

test('without JavaScript: ask, see the confirmation, read approved questions and vote', async ({ browser, baseURL, page }) => {
	const organizer = await signInToConsole(page, 'en');
	const api = questionsApi(baseURL!, organizer.token);
	await api.setOpen(true);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const noJs = await context.newPage();
	await noJs.goto('/fr/live');
	await noJs.getByRole('link', { name: t.fr('questions:askLink') }).click();
	await expect(noJs).toHaveURL(/\/fr\/live\/questions$/);
	const text = uniqueQuestion('Quelle place pour les réfugiés dans les budgets municipaux');
	await noJs.getByLabel(WORDS.fr.field).fill(text);
	await noJs.getByRole('button', { name: WORDS.fr.send }).click();
	await expect(noJs.getByText(WORDS.fr.awaiting)).toBeVisible();
	// Post/redirect/get: the confirmation is a page of its own, and reloading it asks nothing again.
	await expect(noJs).toHaveURL(/\/fr\/live\/questions\?asked(#questions)?$/);
	await noJs.reload();
	await expect(noJs.getByText(WORDS.fr.awaiting)).toBeVisible();
	expect((await api.allTexts()).filter((asked) => asked === text)).toHaveLength(1);

	await api.moderate(await api.idOf(text), { status: 'approved' });
	await noJs.goto('/fr/live/questions');
	const item = noJs.locator('li', { hasText: text });
	await expect(item.locator('.text')).toHaveAttribute('lang', 'fr');
	await item.getByRole('button', { name: WORDS.fr.vote }).click();
	await expect(noJs.locator('li', { hasText: text })).toContainText(t.fr('questions:list.votes', { count: 1 }));
	await expect(noJs.locator('li', { hasText: text }).getByRole('button', { name: WORDS.fr.unvote })).toHaveAttribute('aria-pressed', 'true');
	await context.close();
});

test('the live list is not a live region: another viewer’s approved question is shown, not announced', async ({ page, browser, baseURL }) => {
	const organizer = await signInToConsole(page, 'en');
	const api = questionsApi(baseURL!, organizer.token);
	await api.setOpen(true);
	const watcher = await viewer(browser, '/en/live');
	const text = uniqueQuestion('Is this announced');
	const id = await askAsViewer(baseURL!, text);
	await api.moderate(id, { status: 'approved' });
	await expect(watcher.getByText(text)).toBeVisible({ timeout: 3_000 });
	const liveText = await watcher.locator('#questions [aria-live], #questions [role="status"]').allTextContents();
	expect(liveText.join('').trim()).toBe('');
	expect(await watcher.locator('#questions [aria-live] li, #questions [role="status"] li').count()).toBe(0);
});
