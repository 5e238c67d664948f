import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { recordPledge } from './support/organizer-token';
import { createOrganizer, signIn, uniqueTitle } from './support/organizers';
import { validateHtml } from './support/nu-validator';

// A pledge's progress: organizers set its status and add dated notes in the console; the public
// sees both on the pledge's page and filters the list by status. Runs on SQLite and PostgreSQL.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const NOTE_DAY = '2025-11-15';
const inWords = (lang: string) => new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${NOTE_DAY}T12:00:00Z`));
const tomorrowInNewYork = () => {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(new Date());
	const next = new Date(`${today}T12:00:00Z`);
	next.setUTCDate(next.getUTCDate() + 1);
	return next.toISOString().slice(0, 10);
};

async function expectNoAxeFindings(page: Page, label: string) {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), label).toEqual([]);
}

test('an organizer sets a status and adds a note; the pledge’s page and the list’s filter show them; the audit log lists both', async ({ baseURL, page, browser }) => {
	test.setTimeout(120_000);
	const { token } = createOrganizer();
	const title = uniqueTitle('A welcome desk at the town hall');
	const otherTitle = uniqueTitle('Still planned: language classes');
	const { id } = await recordPledge(baseURL!, token, title);
	await recordPledge(baseURL!, token, otherTitle);
	const organizer = await signIn(page);

	await page.goto(`/organizers/pledges/${id}`);
	await expect(page.getByLabel('Status', { exact: true })).toHaveValue('planned');
	await page.getByLabel('Status', { exact: true }).selectOption({ label: 'In progress' });
	await page.getByRole('button', { name: 'Save the status' }).click();
	await expect(page.getByRole('status')).toHaveText('Status saved: In progress');
	await expect(page.getByLabel('Status', { exact: true })).toHaveValue('in-progress');

	const note = 'Two welcome desks open; 3 < 5 planned for the spring.';
	await page.getByLabel('Day it happened').fill(NOTE_DAY);
	await page.getByLabel(/^Note/).fill(note);
	await page.getByRole('button', { name: 'Add the note' }).click();
	await expect(page.getByRole('status')).toHaveText('Note added.');
	await expect(page.getByRole('listitem').filter({ hasText: note })).toContainText(inWords('en-US'));
	await expectNoAxeFindings(page, 'console');

	const { pledges } = (await (await page.request.get('/api/pledges')).json()) as { pledges: { id: string; title: string; status: string; notes: unknown[] }[] };
	expect(pledges.find((pledge) => pledge.id === id)).toMatchObject({ status: 'in-progress', notes: [{ date: NOTE_DAY, text: note }] });
	expect(pledges.find((pledge) => pledge.title === otherTitle)).toMatchObject({ status: 'planned', notes: [] });

	const visitor = await browser.newContext({ javaScriptEnabled: false });
	const reader = await visitor.newPage();
	await reader.goto(`/en/pledges/${id}`);
	await expect(reader.getByRole('link', { name: 'In progress' })).toHaveAttribute('href', '/en/pledges?status=in-progress');
	const notes = reader.getByRole('region', { name: 'Progress notes' });
	await expect(notes.getByRole('listitem')).toHaveCount(1);
	await expect(notes.getByRole('listitem')).toContainText(note);
	await expect(notes.locator(`time[datetime="${NOTE_DAY}"]`)).toHaveText(inWords('en-US'));
	await reader.goto(`/fr/pledges/${id}`);
	await expect(reader.getByRole('link', { name: 'En cours' })).toHaveAttribute('href', '/fr/pledges?status=in-progress');
	await expect(reader.getByRole('region', { name: 'Notes d’avancement' }).locator(`time[datetime="${NOTE_DAY}"]`)).toHaveText(inWords('fr-FR'));

	await reader.goto('/en/pledges');
	await reader.getByLabel('Country').selectOption('UG');
	await reader.getByLabel('Progress').selectOption({ label: 'In progress' });
	await reader.getByRole('button', { name: 'Filter' }).click();
	await expect(reader).toHaveURL(/[?&]status=in-progress/);
	const card = reader.getByRole('article').filter({ has: reader.getByRole('heading', { name: title }) });
	await expect(card).toContainText('Progress: In progress');
	await expect(reader.getByRole('heading', { name: otherTitle })).toHaveCount(0);
	await reader.goto('/fr/pledges?status=planned');
	await expect(reader.getByRole('heading', { name: otherTitle })).toBeVisible();
	await expect(reader.getByRole('article').filter({ hasText: otherTitle })).toContainText('Avancement\u202f: Prévu');
	await expect(reader.getByRole('heading', { name: title })).toHaveCount(0);
	await reader.goto('/en/pledges?status=achieved');
	await expect(reader.getByRole('heading', { name: title })).toHaveCount(0);
	await visitor.close();

	await page.goto('/organizers/audit');
	const rows = page.getByRole('row').filter({ hasText: organizer.email });
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText('Added a progress note');
	await expect(rows.nth(1)).toContainText('Marked in progress');
	await expect(rows.nth(1).getByRole('link', { name: title })).toHaveAttribute('href', `/organizers/pledges/${id}`);
});

test('bad progress input is refused in the organizer’s language and nothing is stored', async ({ baseURL, page }) => {
	const { id } = await recordPledge(baseURL!, createOrganizer().token, uniqueTitle('Refusals'));
	const organizer = await signIn(page);
	await page.goto(`/organizers/pledges/${id}`);

	await page.getByLabel('Day it happened').fill(tomorrowInNewYork());
	await page.getByLabel(/^Note/).fill('Not yet');
	await page.getByRole('button', { name: 'Add the note' }).click();
	await expect(page.getByRole('alert')).toHaveText('Some fields need attention.');
	await expect(page.getByText('This day has not come yet in New York: a note tells what has already happened.')).toBeVisible();
	await expect(page.getByLabel(/^Note/)).toHaveValue('Not yet');

	await page.goto(`/organizers/pledges/${id}?lang=fr`);
	await page.getByLabel(/^Note/).fill('   ');
	await page.getByRole('button', { name: 'Ajouter la note' }).click();
	await expect(page.getByText('Ce champ est obligatoire.')).toBeVisible();

	// What the browser's fields would not let through, sent as a form post from the console's own origin.
	const post = (action: string, form: Record<string, string>) =>
		page.request.post(`/organizers/pledges/${id}?/${action}`, { form, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	const cases: [string, Record<string, string>, string][] = [
		['status', { status: 'done' }, 'Choisissez un statut\u202f: prévu, en cours ou réalisé.'],
		['note', { date: '18/05/2026', text: 'x' }, 'Saisissez un jour au format AAAA-MM-JJ, par ex. 2026-05-18.'],
		['note', { date: '2026-02-30', text: 'x' }, 'Saisissez un jour au format AAAA-MM-JJ, par ex. 2026-05-18.'],
		['note', { date: NOTE_DAY, text: 'x'.repeat(1001) }, 'Ce champ peut contenir au plus 1000 caractères.'],
		['note', { date: NOTE_DAY, text: '<b>bold</b>' }, 'Texte brut uniquement\u202f: pas de HTML ni d’autre balisage.']
	];
	for (const [action, form, message] of cases) {
		const answer = await post(action, form);
		expect(answer.status(), JSON.stringify(form)).toBe(400);
		expect(await answer.text()).toContain(message);
	}

	await page.goto(`/organizers/pledges/${id}?lang=en`);
	await expect(page.getByText('No notes yet.')).toBeVisible();
	await expect(page.getByLabel('Status', { exact: true })).toHaveValue('planned');
	await page.goto('/organizers/audit');
	await expect(page.getByRole('row').filter({ hasText: organizer.email })).toHaveCount(0);
});

test('a pledge’s page with notes passes axe and the Nu validator, in both languages', async ({ baseURL, page }) => {
	const { id } = await recordPledge(baseURL!, createOrganizer().token, uniqueTitle('Checked page'));
	await signIn(page);
	await page.goto(`/organizers/pledges/${id}`);
	for (const text of ['First step', 'Second step']) {
		await page.getByLabel('Day it happened').fill(NOTE_DAY);
		await page.getByLabel(/^Note/).fill(text);
		await page.getByRole('button', { name: 'Add the note' }).click();
		await expect(page.getByRole('status')).toHaveText('Note added.');
	}
	const documents: Record<string, string> = {};
	for (const path of [`/organizers/pledges/${id}`, `/en/pledges/${id}`, `/fr/pledges/${id}`, '/en/pledges?status=planned']) {
		const response = await page.request.get(path);
		expect(response.status(), path).toBe(200);
		documents[path] = await response.text();
	}
	expect(await validateHtml(documents)).toEqual([]);
	for (const lang of ['en', 'fr']) {
		await page.goto(`/${lang}/pledges/${id}`);
		await expect(page.locator('.pledge-notes li')).toHaveCount(2);
		await expectNoAxeFindings(page, lang);
	}
});

test('the API takes a status with a new pledge, planned when none is given, and refuses an unknown one in the asked language', async ({ request }) => {
	const headers = { authorization: `Bearer ${createOrganizer().token}` };
	const pledge = (title: string) => ({ government: 'Ville de Grigny', country: 'FR', title });
	const achieved = await request.post('/api/pledges', { headers, data: { ...pledge(uniqueTitle('Already done')), status: 'achieved' } });
	expect(achieved.status()).toBe(201);
	expect(await achieved.json()).toMatchObject({ status: 'achieved' });
	const planned = await request.post('/api/pledges', { headers, data: pledge(uniqueTitle('Not started')) });
	expect(await planned.json()).toMatchObject({ status: 'planned' });

	const title = uniqueTitle('Unknown status');
	const refused = await request.post('/api/pledges', { headers: { ...headers, 'accept-language': 'fr' }, data: { ...pledge(title), status: 'done' } });
	expect(refused.status()).toBe(400);
	expect((await refused.json()).fields).toEqual({ status: 'Choisissez un statut\u202f: prévu, en cours ou réalisé.' });
	const { pledges } = (await (await request.get('/api/pledges')).json()) as { pledges: { title: string }[] };
	expect(pledges.map((p) => p.title)).not.toContain(title);
});
