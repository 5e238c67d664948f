import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import consoleWords from '../locales/en/organizers.json' with { type: 'json' };
import { askAsViewer, expectNotReloaded, markPage, questionsApi, signInToConsole, uniqueQuestion, waitForIslands } from './support/questions';
import { validateHtml } from './support/nu-validator';
import { literally, t } from './support/words';
import { BOTH_ENGINES } from './support/engine';

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
		await expect(third.getByRole('heading', { name: words.answered }).locator('xpath=following-sibling::ol[1]')).toContainText(second);
		expect(await approvedTexts(third)).not.toContain(second);
		await expectNoAxeFindings(third);
	});
}

test('what a visitor types stays in the form when the list arrives after it, and is sent', async ({ page, browser, baseURL }) => {
	const organizer = await signInToConsole(page, 'en');
	await questionsApi(baseURL!, organizer.token).setOpen(true);
	const visitor = await (await browser.newContext()).newPage();
	// The list comes late (a slow connection): the stream and the poll wait until the visitor has typed.
	let release!: () => void;
	const typed = new Promise<void>((resolve) => (release = resolve));
	await visitor.route(
		(url) => ['/api/pledges/stream', '/api/questions'].includes(url.pathname),
		async (route) => {
			if (route.request().method() === 'GET') await typed;
			await route.continue();
		}
	);
	await visitor.goto('/en/live');
	await waitForIslands(visitor);
	const loading = visitor.getByText(t.en('questions:loading'));
	await expect(loading).toBeVisible();
	const text = uniqueQuestion('Typed before the list came');
	await visitor.getByLabel(WORDS.en.field).fill(text);
	await visitor.getByLabel(WORDS.en.name).fill('Ana Pérez');
	release();
	await expect(loading).toHaveCount(0, { timeout: 15_000 });
	await expect(visitor.getByLabel(WORDS.en.field)).toHaveValue(text);
	await expect(visitor.getByLabel(WORDS.en.name)).toHaveValue('Ana Pérez');
	await visitor.getByRole('button', { name: WORDS.en.send }).click();
	await expect(visitor.getByText(WORDS.en.awaiting).first()).toBeVisible();
	await visitor.context().close();
});

test('a vote button keeps the focus when others’ votes move its question up the list', async ({ page, browser, baseURL }) => {
	const organizer = await signInToConsole(page, 'en');
	const api = questionsApi(baseURL!, organizer.token);
	await api.setOpen(true);
	const texts = [1, 2, 3].map((n) => uniqueQuestion(`Moved up by votes ${n}`));
	const ids: string[] = [];
	for (const text of texts) {
		const id = await askAsViewer(baseURL!, text);
		await api.moderate(id, { status: 'approved' });
		ids.push(id);
	}
	const reader = await viewer(browser, '/en/live/questions');
	const position = async () => (await approvedTexts(reader)).indexOf(texts[2]);
	await expect.poll(position).toBeGreaterThanOrEqual(0);
	const before = await position();
	const button = reader.locator(`#vote-${ids[2]}`);
	await button.focus();
	// Another browser's vote: the newest of the three goes up, past the two without one.
	const vote = await fetch(`${baseURL}/api/questions/${ids[2]}/vote`, { method: 'POST', headers: { origin: baseURL!, accept: 'application/json' } });
	expect(vote.status).toBe(200);
	await expect.poll(position).toBeLessThan(before);
	await expect(button).toBeFocused();
	await expectNotReloaded(reader);
});

test('the moderation view applies what the stream sends, without fetching the page again', BOTH_ENGINES, async ({ page, baseURL }) => {
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

test('without JavaScript: ask, see the confirmation, read approved questions and vote', BOTH_ENGINES, async ({ browser, baseURL, page }) => {
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

test('a question approved with its text in the other language: each viewer reads their language first, the original one click away, the screen both', async ({ page, browser, baseURL }) => {
	// Five pages, two axe runs and the Nu validator on a loaded two-core machine.
	test.setTimeout(300_000);
	const organizer = await signInToConsole(page, 'en');
	const api = questionsApi(baseURL!, organizer.token);
	await api.setOpen(true);
	const original = uniqueQuestion('Which pledges reach newcomers first');
	const translation = uniqueQuestion('Quels engagements touchent d’abord les nouveaux arrivants');
	const id = await askAsViewer(baseURL!, original, 'en');
	const french = await viewer(browser, '/fr/live/questions');
	const english = await viewer(browser, '/en/live/questions');

	// The console: the French text given while approving.
	await page.goto('/organizers/questions?lang=en');
	// Typed once the console's island has taken over (its first render would set the field again).
	await expect(page.locator('[data-island="ModerationQueue"][data-hydrated]')).toBeAttached({ timeout: 15_000 });
	const item = page.locator(`#q-${id}`);
	await item.getByLabel(t.en('organizers:questions.translation', { code: 'FR' })).fill(translation);
	await item.getByRole('button', { name: t.en('organizers:questions.approve') }).click();
	await expect(page.locator('section', { has: page.locator('#approved-heading') }).locator(`#q-${id} p.translation`)).toContainText(translation);

	// The API and the stream carry it.
	const listed = ((await (await fetch(`${baseURL}/api/questions`)).json()) as { questions: { id: string; translations: Record<string, string> }[] }).questions;
	expect(listed.find((q) => q.id === id)?.translations).toEqual({ fr: translation });

	// A French viewer reads the French text, marked French; the original, marked English, is one click away.
	const shown = french.locator(`#q-${id}-text`);
	await expect(shown).toHaveText(translation, { timeout: 5_000 });
	await expect(shown).toHaveAttribute('lang', 'fr');
	const originalSummary = french.locator(`#q-${id} summary`);
	await expect(originalSummary).toContainText(t.fr('questions:list.original'));
	const originalText = french.locator(`#q-${id} details .text`);
	await expect(originalText).toBeHidden();
	await originalSummary.click();
	await expect(originalText).toBeVisible();
	await expect(originalText).toHaveText(original);
	await expect(originalText).toHaveAttribute('lang', 'en');
	await expectNotReloaded(french);
	await expectNoAxeFindings(french);

	// An English viewer reads the original alone.
	await expect(english.locator(`#q-${id}-text`)).toHaveText(original, { timeout: 5_000 });
	await expect(english.locator(`#q-${id}-text`)).toHaveAttribute('lang', 'en');
	await expect(english.locator(`#q-${id} details`)).toHaveCount(0);

	// Without JavaScript, the same: the translation first, the original in a <details> that opens without script.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const plain = await context.newPage();
	await plain.goto('/fr/live/questions');
	await expect(plain.locator(`#q-${id}-text`)).toHaveText(translation);
	await expect(plain.locator(`#q-${id}-text`)).toHaveAttribute('lang', 'fr');
	await plain.locator(`#q-${id} summary`).click();
	await expect(plain.locator(`#q-${id} details .text`)).toHaveText(original);
	await expect(plain.locator(`#q-${id} details .text`)).toHaveAttribute('lang', 'en');
	await context.close();

	// The room's screen shows both, the original first.
	await api.moderate(id, { onScreen: true });
	const screen = await viewer(browser, '/fr/screen');
	const texts = screen.locator('.on-screen blockquote .text');
	await expect(texts).toHaveText([original, translation], { timeout: 5_000 });
	expect(await texts.evaluateAll((elements) => elements.map((element) => element.getAttribute('lang')))).toEqual(['en', 'fr']);

	// Corrected later in the console (audited), it reaches the open pages without a reload.
	const corrected = uniqueQuestion('Quels engagements atteignent d’abord les personnes arrivées');
	await page.goto('/organizers/questions?lang=en');
	// Typed once the console's island has taken over (its first render would set the field again).
	await expect(page.locator('[data-island="ModerationQueue"][data-hydrated]')).toBeAttached({ timeout: 15_000 });
	await item.getByText(t.en('organizers:questions.translations')).click();
	await item.locator('form[action="?/translate"]').getByLabel(t.en('organizers:questions.translation', { code: 'FR' })).fill(corrected);
	await item.getByRole('button', { name: t.en('organizers:questions.saveTranslation') }).click();
	await expect(shown).toHaveText(corrected, { timeout: 5_000 });
	await expect(texts).toHaveText([original, corrected], { timeout: 5_000 });
	await expectNotReloaded(french);
	await page.goto('/organizers/audit?lang=en');
	await expect(page.getByRole('cell', { name: `fr: ${corrected}` })).toBeVisible();
	await api.moderate(id, { onScreen: false });

	const documents: Record<string, string> = {};
	for (const path of ['/fr/live/questions', '/fr/screen', '/en/live/questions']) documents[path] = await (await fetch(`${baseURL}${path}`)).text();
	await page.goto('/organizers/questions?lang=fr');
	documents['/organizers/questions'] = await page.content();
	await expectNoAxeFindings(page);
	expect(await validateHtml(documents)).toEqual([]);
});

test('a translation follows the question’s text rules and must be in another language: refused with a message, nothing stored', async ({ page, baseURL }) => {
	const organizer = await signInToConsole(page, 'fr');
	const api = questionsApi(baseURL!, organizer.token);
	await api.setOpen(true);
	const id = await askAsViewer(baseURL!, uniqueQuestion('Who follows the pledges up'), 'en');
	const patch = (body: unknown) =>
		fetch(`${baseURL}/api/questions/${id}`, {
			method: 'PATCH',
			headers: { authorization: `Bearer ${organizer.token}`, 'content-type': 'application/json', 'accept-language': 'fr' },
			body: JSON.stringify(body)
		});
	const invisible = await patch({ status: 'approved', translations: { fr: '\u200b\u2060' } });
	expect(invisible.status).toBe(400);
	expect(((await invisible.json()) as { fields: Record<string, string> }).fields).toEqual({ 'translations.fr': t.fr('questions:errors.required') });
	const ownLanguage = await patch({ status: 'approved', translations: { en: 'Again in English' } });
	expect(ownLanguage.status).toBe(400);
	expect(await ownLanguage.json()).toEqual({ error: 'same-language', message: t.fr('questions:apiErrors.same-language', { lang: 'en' }) });

	// The console's form says the same in the organizer's language, and stores nothing.
	await page.goto('/organizers/questions?lang=fr');
	// Typed once the console's island has taken over (its first render would set the field again).
	await expect(page.locator('[data-island="ModerationQueue"][data-hydrated]')).toBeAttached({ timeout: 15_000 });
	const item = page.locator(`#q-${id}`);
	await item.getByLabel(t.fr('organizers:questions.translation', { code: 'FR' })).fill('<b>Qui suit les engagements ?</b>');
	await item.getByRole('button', { name: t.fr('organizers:questions.approve') }).click();
	await expect(page.getByRole('alert')).toHaveText(t.fr('organizers:questions.invalidTranslation', { reason: t.fr('questions:errors.markup') }));
	const pending = (await (await fetch(`${baseURL}/api/questions?status=pending`, { headers: { authorization: `Bearer ${organizer.token}` } })).json()) as {
		questions: { id: string; translations: Record<string, string> }[];
	};
	expect(pending.questions.find((q) => q.id === id)?.translations).toEqual({});
});

/** The console on a question: its translation field into `code` in whichever list holds it, and that list. */
function consoleQuestion(page: Page, id: string) {
	const item = page.locator(`#q-${id}`);
	const inGroup = (group: string) => page.locator('section', { has: page.locator(`#${group}-heading`) }).locator(`#q-${id}`);
	return { item, inGroup, field: (code: string) => item.getByLabel(t.en('organizers:questions.translation', { code })) };
}

async function openConsole(page: Page) {
	await page.goto('/organizers/questions?lang=en');
	await expect(page.locator('[data-island="ModerationQueue"][data-hydrated]')).toBeAttached({ timeout: 15_000 });
}

/** A signed-in moderator (English console), the Q&A open, and a viewer's pending question asked in English: the API and its id. */
async function moderatorWithQuestion(page: Page, origin: string, label: string) {
	const organizer = await signInToConsole(page, 'en');
	const api = questionsApi(origin, organizer.token);
	await api.setOpen(true);
	return { api, id: await askAsViewer(origin, uniqueQuestion(label), 'en') };
}

test('a translation draft stays typed and focused when another moderator approves the question, and follows it into the approved list', async ({ page, baseURL }) => {
	const { api, id } = await moderatorWithQuestion(page, baseURL!, 'Who funds the local plans');
	await openConsole(page);
	const question = consoleQuestion(page, id);
	const draft = uniqueQuestion('Qui finance les plans locaux');
	await question.inGroup('pending').getByLabel(t.en('organizers:questions.translation', { code: 'FR' })).fill(draft);

	await api.moderate(id, { status: 'approved' });
	const approved = question.inGroup('approved');
	await expect(approved).toBeVisible();
	const field = approved.getByLabel(t.en('organizers:questions.translation', { code: 'FR' }));
	// The "Translations" that holds it is open, the draft in it, the caret where it was.
	await expect(field).toBeVisible();
	await expect(field).toHaveValue(draft);
	await expect(field).toBeFocused();
	await page.keyboard.type('!');
	await expect(field).toHaveValue(`${draft}!`);

	// Answered by another moderator: still open, still there.
	await api.moderate(id, { status: 'answered' });
	const answered = question.inGroup('answered').getByLabel(t.en('organizers:questions.translation', { code: 'FR' }));
	await expect(answered).toHaveValue(`${draft}!`);
	await expect(answered).toBeFocused();
	await expectNoAxeFindings(page);
});

test('a translation draft is not overwritten when another moderator saves a translation of the same question; an untouched field follows it', async ({ page, baseURL }) => {
	const { api, id } = await moderatorWithQuestion(page, baseURL!, 'How are pledges checked');
	const other = await askAsViewer(baseURL!, uniqueQuestion('Where are the pledges listed'), 'en');
	await api.moderate(id, { status: 'approved' });
	await api.moderate(other, { status: 'approved' });
	await openConsole(page);
	const question = consoleQuestion(page, id);
	await question.item.getByText(t.en('organizers:questions.translations')).click();
	const draft = uniqueQuestion('Comment les engagements sont-ils vérifiés');
	await question.field('FR').fill(draft);

	const theirs = uniqueQuestion('Comment vérifie-t-on les engagements');
	await api.moderate(id, { translations: { fr: theirs } });
	await expect(question.item.locator('p.translation')).toContainText(theirs);
	await expect(question.field('FR')).toHaveValue(draft);
	await expect(question.field('FR')).toBeFocused();

	// A field nobody typed in shows the translation saved since.
	const saved = uniqueQuestion('Où les engagements sont-ils listés');
	await api.moderate(other, { translations: { fr: saved } });
	await expect(consoleQuestion(page, other).item.locator('p.translation')).toContainText(saved);
	await expect(consoleQuestion(page, other).field('FR')).toHaveValue(saved);
});

test('a translation typed before the console’s island runs (a slow connection) is kept when it hydrates and when the question moves', async ({ page, baseURL }) => {
	const { api, id } = await moderatorWithQuestion(page, baseURL!, 'When do the pledges close');
	// The page's scripts wait until the moderator has typed.
	let release!: () => void;
	const typed = new Promise<void>((resolve) => (release = resolve));
	await page.route(
		(url) => url.pathname.endsWith('.js'),
		async (route) => {
			await typed;
			await route.continue();
		}
	);
	await page.goto('/organizers/questions?lang=en', { waitUntil: 'commit' });
	const question = consoleQuestion(page, id);
	const draft = uniqueQuestion('Quand les engagements ferment-ils');
	await question.field('FR').fill(draft);
	await expect(page.locator('[data-island="ModerationQueue"][data-hydrated]')).toHaveCount(0);
	release();
	await expect(page.locator('[data-island="ModerationQueue"][data-hydrated]')).toBeAttached({ timeout: 15_000 });
	await expect(question.field('FR')).toHaveValue(draft);

	await api.moderate(id, { status: 'approved' });
	await expect(question.inGroup('approved').getByLabel(t.en('organizers:questions.translation', { code: 'FR' }))).toHaveValue(draft);
});

test('a keyboard moderator on a question’s "Translations" keeps the focus when votes move the question up', async ({ page, browser, baseURL }) => {
	const organizer = await signInToConsole(page, 'en');
	const api = questionsApi(baseURL!, organizer.token);
	await api.setOpen(true);
	const first = await askAsViewer(baseURL!, uniqueQuestion('Which cities pledged first'), 'en');
	const second = uniqueQuestion('Which cities pledged last');
	const id = await askAsViewer(baseURL!, second, 'en');
	for (const question of [first, id]) await api.moderate(question, { status: 'approved' });
	await openConsole(page);
	const summary = consoleQuestion(page, id).item.getByText(t.en('organizers:questions.translations'));
	await summary.focus();
	await page.keyboard.press('Enter');
	await expect(consoleQuestion(page, id).field('FR')).toBeVisible();

	const visitor = await viewer(browser, '/en/live/questions');
	await visitor.locator('li', { hasText: second }).getByRole('button', { name: WORDS.en.vote }).click();
	const approved = page.locator('section', { has: page.locator('#approved-heading') }).locator('li');
	await expect(async () => {
		const order = await approved.evaluateAll((items) => items.map((item) => item.id));
		expect(order.indexOf(`q-${id}`)).toBeLessThan(order.indexOf(`q-${first}`));
	}).toPass({ timeout: 10_000 });
	await expect(summary).toBeFocused();
	await expect(consoleQuestion(page, id).field('FR')).toBeVisible();
	await visitor.context().close();
});

test('a moderator on a button its question’s new list does not have keeps the focus on that question', async ({ page, baseURL }) => {
	const { api, id } = await moderatorWithQuestion(page, baseURL!, 'Who reports the pledges');
	await openConsole(page);
	const question = consoleQuestion(page, id);
	await question.inGroup('pending').getByRole('button', { name: WORDS.en.approve }).focus();
	await api.moderate(id, { status: 'approved' });
	await expect(question.inGroup('approved')).toBeVisible();
	await expect(question.item).toBeFocused();
	// From there the keyboard goes on through that question's controls.
	await page.keyboard.press('Tab');
	await expect(question.item.getByRole('button').first()).toBeFocused();
});
