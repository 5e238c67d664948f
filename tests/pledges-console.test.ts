import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { countryName } from '$lib/i18n/format';
import { BOTH_ENGINES } from './support/engine';
import { createOrganizer, signIn, uniqueTitle } from './support/organizers';
import { anyCount, t } from './support/words';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoAxeFindings(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('an organizer adds, corrects, withdraws and undoes; visitors see each step', async ({ page, browser }) => {
	const organizer = await signIn(page, createOrganizer());
	await expectNoAxeFindings(page);
	const visitor = await (await browser.newContext()).newPage();

	const title = uniqueTitle('Welcome desks “for all” & <3');
	await page.getByLabel(t.en('organizers:fields.government')).fill('Kampala Capital City Authority');
	await page.getByLabel(t.en('organizers:fields.country')).selectOption('UG');
	await page.getByLabel(t.en('organizers:fields.title')).fill(title);
	await page.getByRole('checkbox', { name: /^GCM/ }).check();
	await page.getByRole('button', { name: t.en('organizers:add.submit') }).click();
	await expect(page.getByRole('status')).toHaveText(t.en('organizers:notice.added', { title }));

	await visitor.goto('/en/pledges');
	await expect(visitor.getByRole('heading', { name: title })).toBeVisible();

	const corrected = `${title} (corrected)`;
	await page.getByRole('link', { name: `${t.en('organizers:ledger.correct')} – ${title}` }).click();
	await page.getByLabel(t.en('organizers:fields.title')).fill(corrected);
	await page.getByRole('button', { name: t.en('organizers:correct.submit') }).click();
	await expect(page.getByRole('status')).toHaveText(t.en('organizers:notice.updated', { title: corrected }));

	await page.getByRole('button', { name: `${t.en('organizers:ledger.withdraw')} – ${corrected}` }).click();
	await expect(page.getByRole('status')).toContainText(t.en('organizers:notice.withdrawn', { title: corrected }));
	await visitor.reload();
	await expect(visitor.getByRole('heading', { name: corrected })).toHaveCount(0);

	await page.getByRole('button', { name: t.en('organizers:undo') }).click();
	await expect(page.getByRole('status')).toContainText(t.en('organizers:notice.restored', { title: corrected }));
	await visitor.goto('/fr/pledges');
	const card = visitor.getByRole('article').filter({ has: visitor.getByRole('heading', { name: corrected }) });
	await expect(card).toContainText(`Kampala Capital City Authority · ${countryName('UG', 'fr')}`);
	await expect(card.getByText('GCM')).toHaveAttribute('title', t.fr('pledges:compacts.GCM'));

	await page.goto('/organizers/audit');
	const rows = page.getByRole('row').filter({ hasText: organizer.email });
	await expect(rows).toHaveCount(4);
	await expect(rows.nth(0)).toContainText(t.en('organizers:audit.actions.restore'));
	await expect(rows.nth(3)).toContainText(t.en('organizers:audit.actions.add'));
	await expectNoAxeFindings(page);

	await page.getByRole('button', { name: t.en('organizers:signOut') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.en('organizers:signIn.title'));
	await page.goto('/organizers/audit');
	await expect(page).toHaveURL(/\/organizers$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.en('organizers:signIn.title'));
});

test('a form with bad fields shows messages beside them and stores nothing', async ({ page }) => {
	await signIn(page);
	const title = uniqueTitle('<b>bold</b>');
	await page.getByLabel(t.en('organizers:fields.title')).fill(title);
	await page.getByLabel(t.en('organizers:fields.url')).fill('javascript:alert(1)');
	await page.getByRole('button', { name: t.en('organizers:add.submit') }).click();
	await expect(page.getByRole('alert')).toHaveText(t.en('pledges:errors.summary'));
	await expect(page.getByLabel(t.en('organizers:fields.government'))).toHaveAccessibleDescription(t.en('pledges:errors.required'));
	await expect(page.getByLabel(t.en('organizers:fields.title'))).toHaveAccessibleDescription(t.en('pledges:errors.markup'));
	await expect(page.getByLabel(t.en('organizers:fields.url'))).toHaveAccessibleDescription(t.en('pledges:errors.url'));
	await expect(page.getByLabel(t.en('organizers:fields.title'))).toHaveValue(title);
	await expectNoAxeFindings(page);
	const body = await (await page.request.get('/api/pledges')).json();
	expect(body.pledges.map((p: { title: string }) => p.title)).not.toContain(title);
});

test('a CSV import with a bad row imports nothing; a good file imports every row', BOTH_ENGINES, async ({ page, browser }) => {
	await signIn(page);
	const kampala = uniqueTitle('Inclusive city services');
	const grigny = uniqueTitle('Accueil des nouveaux arrivants');
	const header = 'government,country,title,compacts,url';

	await page.getByRole('link', { name: t.en('organizers:nav.import') }).click();
	await page.getByLabel(t.en('organizers:import.file')).setInputFiles(csvFile('bad.csv', `${header}\nKampala Capital City Authority,UG,${kampala},GCM,\nSomewhere,XX,Bad row,,javascript:alert(1)\n`));
	await page.getByRole('button', { name: t.en('organizers:import.preview') }).click();
	await expect(page.getByRole('alert')).toContainText(t.en('organizers:import.hasErrors', { count: 1 }));
	const badRow = page.getByRole('row').filter({ hasText: 'Bad row' });
	await expect(badRow).toContainText(`${t.en('organizers:fields.country')}: ${t.en('pledges:errors.country')}`);
	await expect(badRow).toContainText(`${t.en('organizers:fields.url')}: ${t.en('pledges:errors.url')}`);
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await expectNoAxeFindings(page);

	await page.getByLabel(t.en('organizers:import.file')).setInputFiles(
		csvFile('good.csv', `${header}\r\nKampala Capital City Authority,ug,${kampala},GCM GCR,https://www.kcca.go.ug/\r\nVille de Grigny,FR,"${grigny}",GCR,\r\n`)
	);
	await page.getByRole('button', { name: t.en('organizers:import.preview') }).click();
	await expect(page.getByRole('cell', { name: t.en('organizers:import.rowOk') })).toHaveCount(2);
	await page.getByRole('button', { name: t.en('organizers:import.confirm', { count: 2 }) }).click();
	await expect(page.getByRole('status')).toHaveText(t.en('organizers:notice.imported', { count: 2 }));

	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await visitor.goto('/fr/pledges');
	await expect(visitor.getByRole('heading', { name: grigny })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: kampala })).toBeVisible();
	// The filter is a plain GET form: it works without JavaScript.
	await visitor.getByLabel(t.fr('pledges:public.filter.country')).selectOption('FR');
	await visitor.getByRole('button', { name: t.fr('pledges:public.filter.submit') }).click();
	await expect(visitor).toHaveURL(/country=FR/);
	await expect(visitor.getByRole('heading', { name: grigny })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: kampala })).toHaveCount(0);
	await expect(visitor.getByRole('article').filter({ hasText: grigny })).toContainText(`Ville de Grigny · ${countryName('FR', 'fr')}`);
});

test.describe('the CSV import without JavaScript', BOTH_ENGINES, () => {
	test.use({ javaScriptEnabled: false });

	test('the preview is a page of its own: a reload shows it again and imports nothing; one confirmation imports once', async ({ page }) => {
		await signIn(page);
		const title = uniqueTitle('Guichet unique des nouveaux arrivants');
		const titles = async () => ((await (await page.request.get('/api/pledges')).json()).pledges as { title: string }[]).map((pledge) => pledge.title).filter((each) => each === title);
		await page.goto('/organizers/import');
		await page.getByLabel(t.en('organizers:import.file')).setInputFiles(csvFile('one.csv', `government,country,title\nVille de Grigny,FR,${title}\n`));
		const upload = page.waitForResponse((response) => response.request().method() === 'POST');
		await page.getByRole('button', { name: t.en('organizers:import.preview') }).click();
		expect((await upload).status()).toBe(303);
		await expect(page).toHaveURL(/\/organizers\/import\?preview=/);
		const previewUrl = page.url();
		await expect(page.getByRole('cell', { name: t.en('organizers:import.rowOk') })).toHaveCount(1);

		// A reload is a GET of the preview: no form is sent again, nothing is imported.
		const reload = await page.reload();
		expect(reload?.request().method()).toBe('GET');
		await expect(page.getByRole('cell', { name: title })).toBeVisible();
		expect(await titles()).toEqual([]);

		const confirm = page.waitForResponse((response) => response.request().method() === 'POST');
		await page.getByRole('button', { name: t.en('organizers:import.confirm', { count: 1 }) }).click();
		expect((await confirm).status()).toBe(303);
		await expect(page.getByRole('status')).toHaveText(t.en('organizers:notice.imported', { count: 1 }));
		await page.reload();
		expect(await titles()).toEqual([title]);

		// The preview is spent: its page says so, and its confirmation, sent again, imports nothing.
		await page.goto(previewUrl);
		await expect(page.getByRole('alert')).toHaveText(t.en('organizers:import.problems.gone'));
		await expect(page.getByRole('button', { name: t.en('organizers:import.confirm', { count: 1 }) })).toHaveCount(0);
		const again = await page.request.post('/organizers/import?/import', { form: { draft: new URL(previewUrl).searchParams.get('preview') ?? '' }, headers: { origin: new URL(previewUrl).origin, accept: 'text/html' } });
		expect(again.status()).toBe(400);
		expect(await titles()).toEqual([title]);
	});
});

test('markup stored in the ledger shows as text on the public pages and runs nothing', async ({ page }) => {
	// Written straight into the store, as if it had slipped past validation (an older version, a manual fix).
	const marker = randomUUID().slice(0, 8);
	const title = `<img src=x onerror="window.pwned=1"> ${marker}`;
	const government = `<script>window.pwned=2</script>`;
	const db = new DatabaseSync(process.env.E2E_DATABASE_URL!, { timeout: 30_000 });
	const now = new Date().toISOString();
	db.prepare(
		`INSERT INTO pledges (id, government, country, title, description, compacts, url, created_at, updated_at)
		 VALUES (?, ?, 'UG', ?, ?, '["GCM"]', 'javascript:alert(1)', ?, ?)`
	).run(randomUUID(), government, title, '<b>bold</b>', now, now);
	db.close();

	let dialogs = 0;
	page.on('dialog', (dialog) => {
		dialogs++;
		void dialog.dismiss();
	});
	for (const path of ['/en/pledges', '/fr/pledges']) {
		await page.goto(path);
		const card = page.getByRole('article').filter({ hasText: marker });
		await expect(card.getByRole('heading')).toHaveText(title);
		await expect(card).toContainText(government);
		await expect(card).toContainText('<b>bold</b>');
		await expect(page.locator('img[src="x"]')).toHaveCount(0);
		expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
	}
	expect(dialogs).toBe(0);
});

test('the public list is accessible and links back to the event', async ({ page }) => {
	await page.goto('/en/pledges');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.en('pledges:public.title'));
	await expect(page.locator('#pledge-count')).toHaveText(new RegExp(`\\d+\\s+${anyCount(t.en, 'stream:counter.unit').source}`));
	await expectNoAxeFindings(page);
	await page.goto('/en/');
	await page.locator('#pledges').getByRole('link', { name: t.en('pledges:eventLink') }).click();
	await expect(page).toHaveURL(/\/en\/pledges$/);
});

test('the console fits a 320 px phone: no horizontal scroll on any of its pages', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await signIn(page);
	const title = uniqueTitle(`Reflow ${'Verylongunbrokenword'.repeat(4)}`);
	await page.getByLabel(t.en('organizers:fields.government')).fill('Kampala Capital City Authority');
	await page.getByLabel(t.en('organizers:fields.country')).selectOption('UG');
	await page.getByLabel(t.en('organizers:fields.title')).fill(title);
	await page.getByRole('button', { name: t.en('organizers:add.submit') }).click();
	await expect(page.getByRole('status')).toHaveText(t.en('organizers:notice.added', { title }));
	const correctionPage = await page.getByRole('link', { name: `${t.en('organizers:ledger.correct')} – ${title}` }).getAttribute('href');
	for (const path of ['/organizers', correctionPage!, '/organizers/import', '/organizers/audit']) {
		await page.goto(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});

test('the console speaks French when asked and remembers it', async ({ page }) => {
	await page.goto('/organizers?lang=fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.fr('organizers:signIn.title'));
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.goto('/organizers');
	await expect(page.getByRole('button', { name: t.fr('organizers:signIn.submit') })).toBeVisible();
	await page.getByLabel(t.fr('organizers:signIn.email')).fill('nobody@example.org');
	await page.getByLabel(t.fr('organizers:signIn.password')).fill('wrong');
	await page.getByRole('button', { name: t.fr('organizers:signIn.submit') }).click();
	await expect(page.getByRole('alert')).toHaveText(t.fr('organizers:signIn.wrongCredentials'));
	await expectNoAxeFindings(page);
});
