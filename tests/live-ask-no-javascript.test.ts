import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { LANGUAGES, type Language } from '$lib/i18n/languages';
import { createOrganizer } from './support/organizers';
import { questionsApi, uniqueQuestion } from './support/questions';
import { ownServer } from './support/server-process';
import { exactly, t } from './support/words';

// The prerendered /{lang}/live carries the ask form without JavaScript: it posts to the questions page,
// which knows whether questions are open. A server of this suite's own: it opens and closes the Q&A.
test.use({ javaScriptEnabled: false });
test.describe.configure({ mode: 'serial' });

const databaseFile = join(tmpdir(), `imrf-live-ask-${process.pid}-${Date.now()}.db`);
let server: Awaited<ReturnType<typeof ownServer>>;
let api: ReturnType<typeof questionsApi>;

test.beforeAll(async () => {
	server = await ownServer(databaseFile);
	api = questionsApi(server.origin, createOrganizer(databaseFile).token);
});
test.afterAll(async () => {
	await server?.stop();
	rmSync(databaseFile, { force: true });
});

/** Asks from the prerendered live page's form, as a browser without JavaScript does; lands on the questions page. */
async function askFromLivePage(page: Page, lang: Language, text: string) {
	await page.goto(`${server.origin}/${lang}/live`);
	await page.getByLabel(t[lang]('questions:form.text')).fill(text);
	await page.getByRole('button', { name: t[lang]('questions:form.submit') }).click();
	await expect(page).toHaveURL(new RegExp(`/${lang}/live/questions`));
}

for (const lang of LANGUAGES) {
	test(`${lang}: without JavaScript, the live page's form sends a question to moderation while questions are open`, async ({ page }) => {
		await api.setOpen(true);
		const text = uniqueQuestion(lang === 'en' ? 'Which cities pledged' : 'Quelles villes se sont engagées');
		await askFromLivePage(page, lang, text);
		await expect(page.getByText(exactly(t[lang]('questions:awaiting')))).toBeVisible();
		expect(await api.allTexts()).toContain(text);
	});

	test(`${lang}: without JavaScript, the live page's form is answered "closed" while questions are closed, and nothing is stored`, async ({ page }) => {
		await api.setOpen(false);
		const text = uniqueQuestion(lang === 'en' ? 'Too late' : 'Trop tard');
		await askFromLivePage(page, lang, text);
		await expect(page.getByText(exactly(t[lang]('questions:closed')))).toBeVisible();
		expect(await api.allTexts()).not.toContain(text);
	});
}
