import { randomUUID } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { isPostgresProject } from './support/engine';
import { signIn, uniqueTitle } from './support/organizers';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectNoAxeFindings(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

const csvFile = (name: string, text: string) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

test('an organizer adds, corrects, withdraws and undoes; visitors see each step', async ({ page, browser }) => {
	const organizer = await signIn(page);
	await expectNoAxeFindings(page);
	const visitor = await (await browser.newContext()).newPage();

	const title = uniqueTitle('Welcome desks “for all” & <3');
	await page.getByLabel('Local or regional government').fill('Kampala Capital City Authority');
	await page.getByLabel('Country').selectOption('UG');
	await page.getByLabel('Local action (title)').fill(title);
	await page.getByRole('checkbox', { name: /^GCM/ }).check();
	await page.getByRole('button', { name: 'Add the pledge' }).click();
	await expect(page.getByRole('status')).toHaveText(`Added: ${title}`);

	await visitor.goto('/en/pledges');
	await expect(visitor.getByRole('heading', { name: title })).toBeVisible();

	const corrected = `${title} (corrected)`;
	await page.getByRole('link', { name: `Correct – ${title}` }).click();
	await page.getByLabel('Local action (title)').fill(corrected);
	await page.getByRole('button', { name: 'Save the correction' }).click();
	await expect(page.getByRole('status')).toHaveText(`Corrected: ${corrected}`);

	await page.getByRole('button', { name: `Withdraw – ${corrected}` }).click();
	await expect(page.getByRole('status')).toContainText(`Withdrawn: ${corrected}`);
	await visitor.reload();
	await expect(visitor.getByRole('heading', { name: corrected })).toHaveCount(0);

	await page.getByRole('button', { name: 'Undo' }).click();
	await expect(page.getByRole('status')).toContainText(`Restored: ${corrected}`);
	await visitor.goto('/fr/pledges');
	const card = visitor.getByRole('article').filter({ has: visitor.getByRole('heading', { name: corrected }) });
	await expect(card).toContainText('Kampala Capital City Authority · Ouganda');
	await expect(card.getByText('GCM')).toHaveAttribute('title', 'Pacte mondial pour des migrations sûres, ordonnées et régulières');

	await page.goto('/organizers/audit');
	const rows = page.getByRole('row').filter({ hasText: organizer.email });
	await expect(rows).toHaveCount(4);
	await expect(rows.nth(0)).toContainText('Restored');
	await expect(rows.nth(3)).toContainText('Added');
	await expectNoAxeFindings(page);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organizers’ sign-in');
	await page.goto('/organizers/audit');
	await expect(page).toHaveURL(/\/organizers$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organizers’ sign-in');
});

test('a form with bad fields shows messages beside them and stores nothing', async ({ page }) => {
	await signIn(page);
	const title = uniqueTitle('<b>bold</b>');
	await page.getByLabel('Local action (title)').fill(title);
	await page.getByLabel('Web address (optional)').fill('javascript:alert(1)');
	await page.getByRole('button', { name: 'Add the pledge' }).click();
	await expect(page.getByRole('alert')).toHaveText('Some fields need attention.');
	await expect(page.getByLabel('Local or regional government')).toHaveAccessibleDescription('This field is required.');
	await expect(page.getByLabel('Local action (title)')).toHaveAccessibleDescription('Plain text only: no HTML or other markup.');
	await expect(page.getByLabel('Web address (optional)')).toHaveAccessibleDescription('Enter a web address starting with http:// or https://.');
	await expect(page.getByLabel('Local action (title)')).toHaveValue(title);
	await expectNoAxeFindings(page);
	const body = await (await page.request.get('/api/pledges')).json();
	expect(body.pledges.map((p: { title: string }) => p.title)).not.toContain(title);
});

test('a CSV import with a bad row imports nothing; a good file imports every row', async ({ page, browser }) => {
	await signIn(page);
	const kampala = uniqueTitle('Inclusive city services');
	const grigny = uniqueTitle('Accueil des nouveaux arrivants');
	const header = 'government,country,title,compacts,url';

	await page.getByRole('link', { name: 'Import a CSV file' }).click();
	await page.getByLabel('CSV file').setInputFiles(csvFile('bad.csv', `${header}\nKampala Capital City Authority,UG,${kampala},GCM,\nSomewhere,XX,Bad row,,javascript:alert(1)\n`));
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByRole('alert')).toContainText('1 row has errors. Nothing was imported');
	const badRow = page.getByRole('row').filter({ hasText: 'Bad row' });
	await expect(badRow).toContainText('Country: Choose a country');
	await expect(badRow).toContainText('Web address (optional): Enter a web address');
	await expect(page.getByRole('button', { name: /^Import/ })).toHaveCount(0);
	await expectNoAxeFindings(page);

	await page.getByLabel('CSV file').setInputFiles(
		csvFile('good.csv', `${header}\r\nKampala Capital City Authority,ug,${kampala},GCM GCR,https://www.kcca.go.ug/\r\nVille de Grigny,FR,"${grigny}",GCR,\r\n`)
	);
	await page.getByRole('button', { name: 'Preview' }).click();
	await expect(page.getByRole('cell', { name: 'Ready' })).toHaveCount(2);
	await page.getByRole('button', { name: 'Import all 2 pledges' }).click();
	await expect(page.getByRole('status')).toHaveText('Imported 2 pledges.');

	const visitor = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
	await visitor.goto('/fr/pledges');
	await expect(visitor.getByRole('heading', { name: grigny })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: kampala })).toBeVisible();
	// The filter is a plain GET form: it works without JavaScript.
	await visitor.getByLabel('Pays').selectOption('FR');
	await visitor.getByRole('button', { name: 'Filtrer' }).click();
	await expect(visitor).toHaveURL(/country=FR/);
	await expect(visitor.getByRole('heading', { name: grigny })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: kampala })).toHaveCount(0);
	await expect(visitor.getByRole('article').filter({ hasText: grigny })).toContainText('Ville de Grigny · France');
});

test('markup stored in the ledger shows as text on the public pages and runs nothing', async ({ page }) => {
	test.skip(isPostgresProject(), 'writes straight into the SQLite file; rendering does not depend on the engine');
	// Written straight into the store, as if it had slipped past validation (an older version, a manual fix).
	const marker = randomUUID().slice(0, 8);
	const title = `<img src=x onerror="window.pwned=1"> ${marker}`;
	const government = `<script>window.pwned=2</script>`;
	const db = new DatabaseSync(process.env.E2E_DATABASE_URL!);
	db.exec('PRAGMA busy_timeout = 5000');
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
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pledges to the Call to Local Action');
	await expect(page.locator('#pledge-count')).toHaveText(/\d+ pledges? handed over/);
	await expectNoAxeFindings(page);
	await page.goto('/en/');
	await page.locator('#pledges').getByRole('link', { name: 'See the pledges handed over' }).click();
	await expect(page).toHaveURL(/\/en\/pledges$/);
});

test('the console fits a 320 px phone: no horizontal scroll on any of its pages', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	await signIn(page);
	const title = uniqueTitle(`Reflow ${'Verylongunbrokenword'.repeat(4)}`);
	await page.getByLabel('Local or regional government').fill('Kampala Capital City Authority');
	await page.getByLabel('Country').selectOption('UG');
	await page.getByLabel('Local action (title)').fill(title);
	await page.getByRole('button', { name: 'Add the pledge' }).click();
	await expect(page.getByRole('status')).toHaveText(`Added: ${title}`);
	const correctionPage = await page.getByRole('link', { name: `Correct – ${title}` }).getAttribute('href');
	for (const path of ['/organizers', correctionPage!, '/organizers/import', '/organizers/audit']) {
		await page.goto(path);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});

test('the console speaks French when asked and remembers it', async ({ page }) => {
	await page.goto('/organizers?lang=fr');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion des organisateurs');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.goto('/organizers');
	await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
	await page.getByLabel('Adresse e-mail').fill('nobody@example.org');
	await page.getByLabel('Mot de passe').fill('wrong');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toHaveText('Cette adresse e-mail et ce mot de passe ne correspondent à aucun organisateur.');
	await expectNoAxeFindings(page);
});
