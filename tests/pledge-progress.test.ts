import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { event } from '$lib/event/event';
import { NOTE_LIMIT } from '$lib/pledges/notes';
import { recordPledge } from './support/organizer-token';
import { createOrganizer, sharedOrganizer, signIn, uniqueTitle } from './support/organizers';
import { validateHtml } from './support/nu-validator';
import { t } from './support/words';
import { BOTH_ENGINES } from './support/engine';

// A pledge's progress: organizers set its status and add dated notes in the console; the public
// sees both on the pledge's page and filters the list by status. Runs on SQLite and PostgreSQL.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const NOTE_DAY = '2025-11-15';
const inWords = (lang: string) => new Intl.DateTimeFormat(lang, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${NOTE_DAY}T12:00:00Z`));
const tomorrowInNewYork = () => {
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: event.timeZone }).format(new Date());
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
	const { token } = sharedOrganizer();
	const title = uniqueTitle('A welcome desk at the town hall');
	const otherTitle = uniqueTitle('Still planned: language classes');
	const { id } = await recordPledge(baseURL!, token, title);
	await recordPledge(baseURL!, token, otherTitle);
	const organizer = await signIn(page, createOrganizer());

	await page.goto(`/organizers/pledges/${id}`);
	await expect(page.getByLabel(t.en('organizers:progress.status'), { exact: true })).toHaveValue('planned');
	await page.getByLabel(t.en('organizers:progress.status'), { exact: true }).selectOption({ label: t.en('pledges:statuses.in-progress') });
	await page.getByRole('button', { name: t.en('organizers:progress.saveStatus') }).click();
	await expect(page.getByRole('status')).toHaveText(t.en('organizers:progress.saved.status', { status: t.en('pledges:statuses.in-progress') }));
	await expect(page.getByLabel(t.en('organizers:progress.status'), { exact: true })).toHaveValue('in-progress');

	const note = 'Two welcome desks open; 3 < 5 planned for the spring.';
	await page.getByLabel(t.en('organizers:progress.date')).fill(NOTE_DAY);
	await page.getByLabel(/^Note/).fill(note);
	await page.getByRole('button', { name: t.en('organizers:progress.submitNote') }).click();
	await expect(page.getByRole('status')).toHaveText(t.en('organizers:progress.saved.note'));
	await expect(page.getByRole('listitem').filter({ hasText: note })).toContainText(inWords('en-US'));
	await expectNoAxeFindings(page, 'console');

	const { pledges } = (await (await page.request.get('/api/pledges')).json()) as { pledges: { id: string; title: string; status: string; notes: unknown[] }[] };
	expect(pledges.find((pledge) => pledge.id === id)).toMatchObject({ status: 'in-progress', notes: [{ date: NOTE_DAY, text: note }] });
	expect(pledges.find((pledge) => pledge.title === otherTitle)).toMatchObject({ status: 'planned', notes: [] });

	const visitor = await browser.newContext({ javaScriptEnabled: false });
	const reader = await visitor.newPage();
	await reader.goto(`/en/pledges/${id}`);
	await expect(reader.getByRole('link', { name: t.en('pledges:statuses.in-progress') })).toHaveAttribute('href', '/en/pledges?status=in-progress');
	const notes = reader.getByRole('region', { name: t.en('pledges:page.notes') });
	await expect(notes.getByRole('listitem')).toHaveCount(1);
	await expect(notes.getByRole('listitem')).toContainText(note);
	await expect(notes.locator(`time[datetime="${NOTE_DAY}"]`)).toHaveText(inWords('en-US'));
	await reader.goto(`/fr/pledges/${id}`);
	await expect(reader.getByRole('link', { name: t.fr('pledges:statuses.in-progress') })).toHaveAttribute('href', '/fr/pledges?status=in-progress');
	await expect(reader.getByRole('region', { name: t.fr('pledges:page.notes') }).locator(`time[datetime="${NOTE_DAY}"]`)).toHaveText(inWords('fr-FR'));

	await reader.goto('/en/pledges');
	await reader.getByLabel(t.en('pledges:public.filter.country')).selectOption('UG');
	await reader.getByLabel(t.en('pledges:public.filter.status'), { exact: true }).selectOption({ label: t.en('pledges:statuses.in-progress') });
	await reader.getByRole('button', { name: t.en('pledges:public.filter.submit') }).click();
	await expect(reader).toHaveURL(/[?&]status=in-progress/);
	const card = reader.getByRole('article').filter({ has: reader.getByRole('heading', { name: title }) });
	await expect(card).toContainText(t.en('pledges:public.statusLine', { status: t.en('pledges:statuses.in-progress') }));
	await expect(reader.getByRole('heading', { name: otherTitle })).toHaveCount(0);
	await reader.goto('/fr/pledges?status=planned');
	await expect(reader.getByRole('heading', { name: otherTitle })).toBeVisible();
	await expect(reader.getByRole('article').filter({ hasText: otherTitle })).toContainText(t.fr('pledges:public.statusLine', { status: t.fr('pledges:statuses.planned') }));
	await expect(reader.getByRole('heading', { name: title })).toHaveCount(0);
	await reader.goto('/en/pledges?status=achieved');
	await expect(reader.getByRole('heading', { name: title })).toHaveCount(0);
	await visitor.close();

	await page.goto('/organizers/audit');
	const rows = page.getByRole('row').filter({ hasText: organizer.email });
	await expect(rows).toHaveCount(2);
	await expect(rows.nth(0)).toContainText(t.en('organizers:audit.actions.note'));
	await expect(rows.nth(1)).toContainText(t.en('organizers:audit.actions.status-in-progress'));
	await expect(rows.nth(1).getByRole('link', { name: title })).toHaveAttribute('href', `/organizers/pledges/${id}`);
});

test('bad progress input is refused in the organizer’s language and nothing is stored', async ({ baseURL, page }) => {
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, uniqueTitle('Refusals'));
	const organizer = await signIn(page, createOrganizer());
	await page.goto(`/organizers/pledges/${id}`);

	await page.getByLabel(t.en('organizers:progress.date')).fill(tomorrowInNewYork());
	await page.getByLabel(/^Note/).fill('Not yet');
	await page.getByRole('button', { name: t.en('organizers:progress.submitNote') }).click();
	await expect(page.getByRole('alert')).toHaveText(t.en('pledges:errors.summary'));
	await expect(page.getByText(t.en('pledges:errors.future'))).toBeVisible();
	await expect(page.getByLabel(/^Note/)).toHaveValue('Not yet');

	await page.goto(`/organizers/pledges/${id}?lang=fr`);
	await page.getByLabel(/^Note/).fill('   ');
	await page.getByRole('button', { name: t.fr('organizers:progress.submitNote') }).click();
	await expect(page.getByText(t.fr('pledges:errors.required'))).toBeVisible();

	// What the browser's fields would not let through, sent as a form post from the console's own origin.
	const post = (action: string, form: Record<string, string>) =>
		page.request.post(`/organizers/pledges/${id}?/${action}`, { form, headers: { origin: baseURL!, accept: 'text/html' }, maxRedirects: 0 });
	const cases: [string, Record<string, string>, string][] = [
		['status', { status: 'done' }, t.fr('pledges:errors.status')],
		['note', { date: '18/05/2026', text: 'x' }, t.fr('pledges:errors.date')],
		['note', { date: '2026-02-30', text: 'x' }, t.fr('pledges:errors.date')],
		['note', { date: NOTE_DAY, text: 'x'.repeat(NOTE_LIMIT + 1) }, t.fr('pledges:errors.tooLong', { max: NOTE_LIMIT })],
		['note', { date: NOTE_DAY, text: '<b>bold</b>' }, t.fr('pledges:errors.markup')]
	];
	for (const [action, form, message] of cases) {
		const answer = await post(action, form);
		expect(answer.status(), JSON.stringify(form)).toBe(400);
		expect(await answer.text()).toContain(message);
	}

	await page.goto(`/organizers/pledges/${id}?lang=en`);
	await expect(page.getByText(t.en('organizers:progress.none'))).toBeVisible();
	await expect(page.getByLabel(t.en('organizers:progress.status'), { exact: true })).toHaveValue('planned');
	await page.goto('/organizers/audit');
	await expect(page.getByRole('row').filter({ hasText: organizer.email })).toHaveCount(0);
});

test('a pledge’s page with notes passes axe and the Nu validator, in both languages', async ({ baseURL, page }) => {
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, uniqueTitle('Checked page'));
	await signIn(page);
	await page.goto(`/organizers/pledges/${id}`);
	for (const text of ['First step', 'Second step']) {
		await page.getByLabel(t.en('organizers:progress.date')).fill(NOTE_DAY);
		await page.getByLabel(/^Note/).fill(text);
		await page.getByRole('button', { name: t.en('organizers:progress.submitNote') }).click();
		await expect(page.getByRole('status')).toHaveText(t.en('organizers:progress.saved.note'));
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

test('the API takes a status with a new pledge, planned when none is given, and refuses an unknown one in the asked language', BOTH_ENGINES, async ({ request }) => {
	const headers = { authorization: `Bearer ${sharedOrganizer().token}` };
	const pledge = (title: string) => ({ government: 'Ville de Grigny', country: 'FR', title });
	const achieved = await request.post('/api/pledges', { headers, data: { ...pledge(uniqueTitle('Already done')), status: 'achieved' } });
	expect(achieved.status()).toBe(201);
	expect(await achieved.json()).toMatchObject({ status: 'achieved' });
	const planned = await request.post('/api/pledges', { headers, data: pledge(uniqueTitle('Not started')) });
	expect(await planned.json()).toMatchObject({ status: 'planned' });

	const title = uniqueTitle('Unknown status');
	const refused = await request.post('/api/pledges', { headers: { ...headers, 'accept-language': 'fr' }, data: { ...pledge(title), status: 'done' } });
	expect(refused.status()).toBe(400);
	expect((await refused.json()).fields).toEqual({ status: t.fr('pledges:errors.status') });
	const { pledges } = (await (await request.get('/api/pledges')).json()) as { pledges: { title: string }[] };
	expect(pledges.map((p) => p.title)).not.toContain(title);
});
