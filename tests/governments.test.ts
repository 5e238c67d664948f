import AxeBuilder from '@axe-core/playwright';
import { randomUUID } from 'node:crypto';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { WRITES_PER_HOUR } from '$lib/server/governments/desk';
import { INVITATION_DAYS } from '$lib/server/governments/invitations';
import { DEFAULT_STATUS, STATUSES } from '$lib/pledges/status';
import { languageNameIn, LANGUAGES, otherLanguages, type Language } from '$lib/i18n/languages';
import { openStore } from '../src/lib/server/store/open.ts';
import { BOTH_ENGINES, testDatabaseUrl } from './support/engine';
import { createOrganizerToken, recordPledge } from './support/organizer-token';
import { signIn } from './support/organizers';
import { validateHtml } from './support/nu-validator';
import { exactly, matching, t } from './support/words';

// Local governments report their own pledges (issue 22): invited by an organizer, a reporter accepts,
// signs in, submits, reports progress; organizers verify. Every page works without JavaScript.
test.use({ javaScriptEnabled: false });

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const PASSWORD = 'a long enough password';

let token: string;
test.beforeAll(() => {
	token = createOrganizerToken(testDatabaseUrl());
});

const api = (origin: string, path: string, init: { method?: string; body?: unknown; token?: string } = {}) =>
	fetch(`${origin}${path}`, {
		method: init.method ?? (init.body ? 'POST' : 'GET'),
		headers: { ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}) },
		body: init.body ? JSON.stringify(init.body) : undefined
	});

const aGovernment = (lang: Language) => ({ government: `Ville ${randomUUID().slice(0, 8)}`, country: 'FR', email: `reporter-${randomUUID()}@example.org`, lang });

async function invite(origin: string, invitation: ReturnType<typeof aGovernment>): Promise<{ url: string; expiresAt: string }> {
	const response = await api(origin, '/api/governments/invitations', { body: invitation, token });
	expect(response.status).toBe(201);
	return response.json();
}

/** Accepts an invitation the way a reporter does: the password twice. */
async function accept(page: Page, url: string, lang: Language) {
	await page.goto(new URL(url).pathname);
	await page.getByLabel(t[lang]('governments:invitation.password', { min: 12 })).fill(PASSWORD);
	await page.getByLabel(t[lang]('governments:invitation.confirm')).fill(PASSWORD);
	await page.getByRole('button', { name: t[lang]('governments:invitation.submit') }).click();
}

/** The page's notice saying `text` (the offline status, an empty live region, is on every page too). */
const notice = (page: Page, text: string) => expect(page.getByRole('status').filter({ hasText: exactly(text) })).toBeVisible();

/** A form post as a browser without JavaScript sends it (from this site's page). */
const formPost = (page: Page, origin: string, path: string, form: Record<string, string>) =>
	page.request.post(path, { form, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });

async function submit(page: Page, lang: Language, title: string) {
	await page.getByLabel(t[lang]('organizers:fields.title')).fill(title);
	await page.getByRole('button', { name: t[lang]('governments:area.submitButton') }).click();
	await notice(page, t[lang]('governments:area.submitted', { title }));
}

/** axe's violations on the page `page` shows, read in a browser with JavaScript (axe runs in the page) and the same cookies. */
async function axeViolations(browser: Browser, page: Page): Promise<string[]> {
	const context = await browser.newContext({ javaScriptEnabled: true });
	try {
		await context.addCookies(await page.context().cookies());
		const viewer = await context.newPage();
		await viewer.goto(page.url());
		const results = await new AxeBuilder({ page: viewer }).withTags(WCAG_TAGS).analyze();
		return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
	} finally {
		await context.close();
	}
}

/** "(original in French)" on a page in `pageLang` for a text written in `written`: the language's name from the runtime's CLDR data. */
const originalMark = (written: Language, pageLang: Language) =>
	t[pageLang]('pledges:public.original', { language: new Intl.DisplayNames(pageLang, { type: 'language' }).of(written)! });

const publicCount = async (origin: string) => ((await (await api(origin, '/api/pledges?limit=1')).json()) as { count: number }).count;
/** The public pledges a search finds: one title's own count, whatever other tests publish meanwhile. */
const publicMatches = async (origin: string, q: string) => ((await (await api(origin, `/api/pledges?q=${encodeURIComponent(q)}`)).json()) as { matching: number }).matching;
const pendingIds = async (origin: string) => ((await (await api(origin, '/api/pledges?verification=pending', { token })).json()) as { pledges: { id: string }[] }).pledges.map((p) => p.id);

for (const lang of LANGUAGES) {
	test(`${lang}: invite, accept, sign in, submit, publish: the pledge is public and counted, then reported on`, lang === 'en' ? BOTH_ENGINES : {}, async ({ page, baseURL }) => {
		// The whole journey, through both languages' public pages: room for a loaded machine.
		test.slow();
		const origin = baseURL!;
		const government = aGovernment(lang);
		const { url, expiresAt } = await invite(origin, government);
		expect(new URL(url).pathname).toMatch(new RegExp(`^/${lang}/report/invitation/[A-Za-z0-9_-]{43}$`));
		expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now() + (INVITATION_DAYS - 1) * 86_400_000);

		// The page speaks the invitation's language; two different passwords are refused.
		await page.goto(new URL(url).pathname);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t[lang]('governments:invitation.title', { government: government.government }));
		await page.getByLabel(t[lang]('governments:invitation.password', { min: 12 })).fill(PASSWORD);
		await page.getByLabel(t[lang]('governments:invitation.confirm')).fill(`${PASSWORD}!`);
		await page.getByRole('button', { name: t[lang]('governments:invitation.submit') }).click();
		await expect(page.getByRole('alert')).toHaveText(t[lang]('governments:errors.passwordMismatch'));

		await accept(page, url, lang);
		await expect(page).toHaveURL(new RegExp(`/${lang}/report$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t[lang]('governments:area.title', { government: government.government }));

		// A submission waits: not counted, not listed, no public page. The ledger's count is the site's: tests in other
		// workers publish pledges meanwhile, so it only bounds from below what this one adds; its title counts for itself.
		const before = await publicCount(origin);
		const title = `Submitted ${randomUUID().slice(0, 8)}`;
		await submit(page, lang, title);
		const row = page.getByRole('row').filter({ hasText: title });
		await expect(row).toContainText(t[lang]('governments:verification.pending'));
		const id = (await row.getByRole('link').getAttribute('href'))!.split('/').at(-1)!;
		expect(await publicMatches(origin, title)).toBe(0);
		expect(await pendingIds(origin)).toContain(id);
		expect((await api(origin, `/${lang}/pledges/${id}`)).status).toBe(404);
		expect(await (await api(origin, '/api/pledges.csv')).text()).not.toContain(title);

		// An organizer publishes it: public and counted.
		const published = await api(origin, `/api/pledges/${id}`, { method: 'PATCH', body: { verification: 'published' }, token });
		expect(published.status).toBe(200);
		expect(await published.json()).toMatchObject({ id, reportedBy: 'government', verifiedAt: expect.any(String) });
		expect(await publicMatches(origin, title)).toBe(1);
		expect(await publicCount(origin)).toBeGreaterThanOrEqual(before + 1);
		expect((await api(origin, `/${lang}/pledges/${id}`)).status).toBe(200);
		expect((await api(origin, `/api/pledges/${id}`, { method: 'PATCH', body: { verification: 'published' }, token })).status).toBe(409);

		// The reporter reports progress: a status and a dated note with evidence, published at once.
		const note = `Progress ${randomUUID().slice(0, 8)}`;
		await page.goto(`/${lang}/report/pledges/${id}`);
		await page.getByLabel(t[lang]('governments:report.status'), { exact: true }).selectOption('achieved');
		await page.getByLabel(t[lang]('governments:report.note', { max: 1000 })).fill(note);
		await page.getByLabel(t[lang]('governments:report.evidence')).fill('https://example.org/progress');
		await page.getByRole('button', { name: t[lang]('governments:report.submit') }).click();
		await notice(page, t[lang]('governments:report.done'));
		const publicPage = await (await api(origin, `/${lang}/pledges/${id}`)).text();
		expect(publicPage).toContain(note);
		expect(publicPage).toContain(t[lang]('pledges:statuses.achieved'));

		// The public page says who wrote it and when it was verified; in the other language, the original is marked.
		const [other] = otherLanguages(lang);
		await page.goto(`/${lang}/pledges/${id}`);
		await expect(page.getByText(exactly(t[lang]('pledges:public.reportedBy', { government: government.government })))).toBeVisible();
		await expect(page.getByRole('term').filter({ hasText: exactly(t[lang]('pledges:page.verified')) })).toBeVisible();
		await expect(page.getByText(exactly(t[lang]('pledges:page.noteByGovernment', { government: government.government })))).toBeVisible();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expect(page.getByText(originalMark(lang, other))).toHaveCount(0);
		await page.goto(`/${other}/pledges/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title} ${originalMark(lang, other)}`);
		await expect(page.getByRole('heading', { level: 1 }).getByText(exactly(title))).toHaveAttribute('lang', lang);
		await expect(page.getByText(exactly(note))).toHaveAttribute('lang', lang);
		await expect(page.getByText(exactly(t[other]('pledges:public.reportedBy', { government: government.government })))).toBeVisible();
		// The list's card and the embed say it too; the embed marks the original title.
		await page.goto(`/${other}/pledges?q=${encodeURIComponent(title)}`);
		await expect(page.getByRole('article').filter({ hasText: title }).getByText(exactly(t[other]('pledges:public.reportedBy', { government: government.government })))).toBeVisible();
		await page.goto(`/${other}/embed/pledges/${id}`);
		await expect(page.getByRole('heading', { level: 1 }).getByText(exactly(title))).toHaveAttribute('lang', lang);
		await expect(page.getByRole('heading', { level: 1 })).toContainText(originalMark(lang, other));

		// And gives its title in the other language: the other language's page shows it, unmarked.
		await page.goto(`/${lang}/report/pledges/${id}`);
		const translated = `Translated ${randomUUID().slice(0, 8)}`;
		await page.getByLabel(t[lang]('governments:report.titleField', { language: languageNameIn(lang, other) })).fill(translated);
		await page.getByRole('button', { name: t[lang]('governments:report.saveTranslation') }).click();
		await expect(page.getByLabel(t[lang]('governments:report.titleField', { language: languageNameIn(lang, other) }))).toHaveValue(translated);
		await page.goto(`/${other}/pledges/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(translated);
		await expect(page.getByRole('heading', { level: 1 }).locator('[lang]')).toHaveCount(0);
		await page.goto(`/${lang}/pledges/${id}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	});

	test(`${lang}: a submission returned with a reason shows the reason to its government`, async ({ page, baseURL }) => {
		const government = aGovernment(lang);
		await accept(page, (await invite(baseURL!, government)).url, lang);
		const title = `To return ${randomUUID().slice(0, 8)}`;
		await submit(page, lang, title);
		const id = (await page.getByRole('row').filter({ hasText: title }).getByRole('link').getAttribute('href'))!.split('/').at(-1)!;
		const reason = `Reason ${randomUUID().slice(0, 8)}`;
		expect((await api(baseURL!, `/api/pledges/${id}`, { method: 'PATCH', body: { verification: 'returned' }, token })).status).toBe(400);
		expect((await api(baseURL!, `/api/pledges/${id}`, { method: 'PATCH', body: { verification: 'returned', reason }, token })).status).toBe(200);
		await page.goto(`/${lang}/report/pledges/${id}`);
		await expect(page.getByRole('note')).toHaveText(t[lang]('governments:report.returnedReason', { reason }));
		expect(await pendingIds(baseURL!)).not.toContain(id);
		expect((await api(baseURL!, `/${lang}/pledges/${id}`)).status).toBe(404);
	});

	test(`${lang}: a spent, an expired and a revoked link say so and store nothing`, lang === 'en' ? BOTH_ENGINES : {}, async ({ page, baseURL }) => {
		const government = aGovernment(lang);
		const { url } = await invite(baseURL!, government);
		await accept(page, url, lang);
		await page.context().clearCookies();
		await page.goto(new URL(url).pathname);
		await expect(page.getByRole('alert')).toHaveText(t[lang]('governments:invitation.spent'));

		const store = await openStore(testDatabaseUrl());
		try {
			const organizer = { id: 'test', email: 'organizer@example.org' };
			const expiredInvitee = aGovernment(lang);
			const expired = await store.invitations.invite(expiredInvitee, organizer, new Date(Date.now() - (INVITATION_DAYS + 1) * 86_400_000));
			const revoked = await store.invitations.invite({ ...aGovernment(lang) }, organizer);
			await store.invitations.revoke(revoked.invitation.id, organizer);
			for (const [link, state] of [
				[expired.token, 'expired'],
				[revoked.token, 'revoked'],
				['not-a-link', 'unknown']
			] as const) {
				await page.goto(`/${lang}/report/invitation/${link}`);
				await expect(page.getByRole('alert')).toHaveText(t[lang](`governments:invitation.${state}`));
				await expect(page.getByLabel(t[lang]('governments:invitation.confirm'))).toHaveCount(0);
			}
			// A post all the same (a form kept open) stores nothing: no reporter for that invitation's address (other
			// tests, in other workers, add reporters of their own meanwhile).
			const post = await formPost(page, baseURL!, `/${lang}/report/invitation/${expired.token}`, { password: PASSWORD, confirm: PASSWORD });
			expect(post.status()).toBe(410);
			expect((await store.reporters.list()).map((reporter) => reporter.email)).not.toContain(expiredInvitee.email);
		} finally {
			await store.close();
		}
	});
}

test("a reporter gets 404 for another government's pledge, and cannot name another government", BOTH_ENGINES, async ({ page, baseURL }) => {
	const lang = 'en';
	const government = aGovernment(lang);
	await accept(page, (await invite(baseURL!, government)).url, lang);
	const other = await recordPledge(baseURL!, token, `Another government ${randomUUID().slice(0, 8)}`);
	expect((await page.goto(`/${lang}/report/pledges/${other.id}`))!.status()).toBe(404);
	const post = await formPost(page, baseURL!, `/${lang}/report/pledges/${other.id}?/report`, { text: 'Not mine' });
	expect(post.status()).toBe(404);
	expect((await (await api(baseURL!, `/api/pledges?q=${encodeURIComponent('Not mine')}`)).json()).matching).toBe(0);

	// Form fields naming another government are ignored: the submission is the reporter's government's.
	const title = `Named elsewhere ${randomUUID().slice(0, 8)}`;
	const named = await formPost(page, baseURL!, `/${lang}/report?/submit`, { title, government: 'Kampala Capital City Authority', country: 'UG' });
	expect(named.status()).toBe(303);
	const pending = (await (await api(baseURL!, '/api/pledges?verification=pending', { token })).json()) as { pledges: { title: string; government: string; country: string }[] };
	expect(pending.pledges.find((p) => p.title === title)).toMatchObject({ government: government.government, country: government.country });
});

test('cross-site posts to the reporters’ area are refused, and strangers are sent to the sign-in', async ({ page, baseURL }) => {
	const post = await formPost(page, 'https://elsewhere.example', '/en/report?/submit', { title: 'Cross-site' });
	expect(post.status()).toBe(403);
	await page.goto('/fr/report');
	await expect(page).toHaveURL(/\/fr\/report\/sign-in$/);
	expect((await api(baseURL!, '/api/pledges?verification=pending')).status).toBe(401);
	expect((await api(baseURL!, '/api/governments/invitations', { body: aGovernment('en') })).status).toBe(401);
});

test('a reporter signs in with email and password, and a wrong password is refused', BOTH_ENGINES, async ({ page, baseURL }) => {
	const government = aGovernment('fr');
	await accept(page, (await invite(baseURL!, government)).url, 'fr');
	await page.context().clearCookies();
	await page.goto('/fr/report/sign-in');
	await page.getByLabel(t.fr('governments:signIn.email')).fill(government.email);
	await page.getByLabel(t.fr('governments:signIn.password')).fill('not the password');
	await page.getByRole('button', { name: t.fr('governments:signIn.submit') }).click();
	await expect(page.getByRole('alert')).toHaveText(t.fr('governments:signIn.wrongCredentials'));
	await page.getByLabel(t.fr('governments:signIn.password')).fill(PASSWORD);
	await page.getByRole('button', { name: t.fr('governments:signIn.submit') }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(t.fr('governments:area.title', { government: government.government }));
});

test('axe and the Nu validator find nothing on the new pages', async ({ page, browser, baseURL }) => {
	// Four pages through axe, then one Java run: room for a loaded machine (each step took ten seconds at a load of 40).
	test.setTimeout(300_000);
	const government = aGovernment('en');
	const { url } = await invite(baseURL!, government);
	const documents: Record<string, string> = {};
	const check = async (name: string) => {
		expect(await axeViolations(browser, page), name).toEqual([]);
		documents[name] = await (await page.request.get(page.url())).text();
	};
	await page.goto(new URL(url).pathname);
	await check('invitation');
	await page.goto('/fr/report/sign-in');
	await check('sign-in');
	await accept(page, url, 'en');
	await submit(page, 'en', `Checked ${randomUUID().slice(0, 8)}`);
	await check('report');
	await page.getByRole('row').nth(1).getByRole('link').click();
	await check('report-pledge');
	expect(await validateHtml(documents)).toEqual([]);
});

test('organizers invite, see the count of submissions to verify, publish and return them in the console', async ({ page, browser, baseURL }) => {
	test.slow();
	await signIn(page);
	const government = aGovernment('fr');
	await page.goto('/organizers/governments');
	await page.getByLabel(t.en('governments:console.government')).fill(government.government);
	await page.getByLabel(t.en('governments:console.country')).selectOption(government.country);
	await page.getByLabel(t.en('governments:console.email')).fill(government.email);
	await page.getByLabel(t.en('governments:console.lang')).selectOption('fr');
	await page.getByRole('button', { name: t.en('governments:console.inviteButton') }).click();
	const url = await page.locator('code.link').textContent();
	expect(new URL(url!).pathname).toMatch(/^\/fr\/report\/invitation\//);
	await expect(page.getByRole('row').filter({ hasText: government.email })).toContainText(t.en('governments:console.states.valid'));

	// The reporter, in a browser of their own, accepts and submits two pledges.
	const reporter = await browser.newPage({ javaScriptEnabled: false });
	await accept(reporter, url!, 'fr');
	const [kept, returned] = [`Kept ${randomUUID().slice(0, 8)}`, `Returned ${randomUUID().slice(0, 8)}`];
	await submit(reporter, 'fr', kept);
	await submit(reporter, 'fr', returned);

	await page.goto('/organizers/verification');
	const pending = await pendingIds(baseURL!);
	await expect(page.getByRole('link', { name: t.en('governments:console.navVerification', { count: pending.length }) })).toBeVisible();
	await page.getByRole('button', { name: t.en('governments:console.publish', { title: kept }) }).click();
	await notice(page, t.en('governments:console.published', { title: kept }));
	await page.getByLabel(t.en('governments:console.returnReason', { title: returned })).fill('Please give a date.');
	await page.getByRole('button', { name: t.en('governments:console.return', { title: returned }) }).click();
	await notice(page, t.en('governments:console.returned', { title: returned }));
	await expect(page.getByRole('heading', { name: kept })).toHaveCount(0);

	expect(await axeViolations(browser, page)).toEqual([]);
	await page.goto('/organizers/governments');
	expect(await axeViolations(browser, page)).toEqual([]);
	expect(await validateHtml({ governments: await (await page.request.get('/organizers/governments')).text() })).toEqual([]);
	await reporter.close();
});

/** A published pledge of a newly invited, signed-in reporter: its id, its title and the reporter's email. */
async function publishedOfNewReporter(page: Page, origin: string, lang: Language) {
	const government = aGovernment(lang);
	await accept(page, (await invite(origin, government)).url, lang);
	const title = `Refusals ${randomUUID().slice(0, 8)}`;
	await submit(page, lang, title);
	const id = (await page.getByRole('row').filter({ hasText: title }).getByRole('link').getAttribute('href'))!.split('/').at(-1)!;
	expect((await api(origin, `/api/pledges/${id}`, { method: 'PATCH', body: { verification: 'published' }, token })).status).toBe(200);
	return { id, title, email: government.email };
}

/** A day after the latest the report form allows (its `max`, today in the event's zone): refused as not come yet. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

test('a refused progress report or translation shows again what the reporter typed and chose, and the corrected one keeps the status change', BOTH_ENGINES, async ({ page, baseURL }) => {
	test.slow();
	const lang: Language = 'en';
	const [other] = otherLanguages(lang);
	const { id } = await publishedOfNewReporter(page, baseURL!, lang);
	await page.goto(`/${lang}/report/pledges/${id}`);

	// The report: a day not come yet, with a status chosen, a note and evidence.
	const status = page.getByLabel(t[lang]('governments:report.status'), { exact: true });
	const date = page.getByLabel(t[lang]('governments:report.date'));
	const text = page.getByLabel(t[lang]('governments:report.note', { max: 1000 }));
	const evidence = page.getByLabel(t[lang]('governments:report.evidence'));
	const chosen = STATUSES.find((code) => code !== DEFAULT_STATUS)!;
	const note = `Progress kept ${randomUUID().slice(0, 8)}`;
	const late = dayAfter((await date.getAttribute('max'))!);
	await status.selectOption(chosen);
	await date.fill(late);
	await text.fill(note);
	await evidence.fill('https://example.org/kept');
	await page.getByRole('button', { name: t[lang]('governments:report.submit') }).click();
	await expect(page.getByRole('alert').filter({ hasText: exactly(t[lang]('pledges:errors.summary')) })).toBeVisible();
	await expect(page.getByText(exactly(t[lang]('pledges:errors.future')))).toBeVisible();
	await expect(date).toHaveAttribute('aria-invalid', 'true');
	await expect(status).toHaveValue(chosen);
	await expect(date).toHaveValue(late);
	await expect(text).toHaveValue(note);
	await expect(evidence).toHaveValue('https://example.org/kept');
	// Corrected (blank: today) and sent again as it stands: the status change is stored with the note.
	await date.fill('');
	await page.getByRole('button', { name: t[lang]('governments:report.submit') }).click();
	await notice(page, t[lang]('governments:report.done'));
	await expect(page.getByText(t[lang]('pledges:public.statusLine', { status: t[lang](`pledges:statuses.${chosen}`) }))).toBeVisible();
	await page.goto(`/${lang}/pledges/${id}`);
	await expect(page.getByText(exactly(note))).toBeVisible();
	await expect(page.getByText(t[lang](`pledges:statuses.${chosen}`)).first()).toBeVisible();
	await page.goto(`/${lang}/report/pledges/${id}`);

	// The translation: a title left empty refuses it; the description typed stays.
	const titleField = page.getByLabel(t[lang]('governments:report.titleField', { language: languageNameIn(lang, other) }));
	const descriptionField = page.getByLabel(t[lang]('governments:report.descriptionField', { language: languageNameIn(lang, other) }));
	const description = `Description kept ${randomUUID()} `.repeat(8).trim();
	await descriptionField.fill(description);
	await page.getByRole('button', { name: t[lang]('governments:report.saveTranslation') }).click();
	await expect(page.getByRole('alert').filter({ hasText: exactly(t[lang]('governments:errors.required')) })).toBeVisible();
	await expect(titleField).toHaveAttribute('aria-invalid', 'true');
	await expect(descriptionField).toHaveValue(description);
	const translated = `Translated ${randomUUID().slice(0, 8)}`;
	await titleField.fill(translated);
	await page.getByRole('button', { name: t[lang]('governments:report.saveTranslation') }).click();
	await notice(page, t[lang]('governments:report.translated', { language: languageNameIn(lang, other) }));
	await page.goto(`/${lang}/report/pledges/${id}`);
	await expect(titleField).toHaveValue(translated);
	await expect(descriptionField).toHaveValue(description);
});

test('when the rate limit refuses a report, a translation, a resubmission or a submission, what was typed and chosen stays', async ({ page, baseURL }) => {
	test.slow();
	const lang: Language = 'fr';
	const [other] = otherLanguages(lang);
	const { id, email } = await publishedOfNewReporter(page, baseURL!, lang);
	const returnedTitle = `Returned ${randomUUID().slice(0, 8)}`;
	await submit(page, lang, returnedTitle);
	const returnedId = (await page.getByRole('row').filter({ hasText: returnedTitle }).getByRole('link').getAttribute('href'))!.split('/').at(-1)!;
	expect((await api(baseURL!, `/api/pledges/${returnedId}`, { method: 'PATCH', body: { verification: 'returned', reason: `Reason ${randomUUID().slice(0, 8)}` }, token })).status).toBe(200);

	// The reporter's writes for the hour, spent.
	const store = await openStore(testDatabaseUrl());
	try {
		const reporter = (await store.reporters.checkPassword(email, PASSWORD))!;
		const rule = { key: `report:reporter:${reporter.id}`, limit: WRITES_PER_HOUR.reporter, windowMs: 3_600_000 };
		while ((await store.limits.take([rule])).allowed);
	} finally {
		await store.close();
	}
	const refusal = (page: Page) => expect(page.getByRole('alert').filter({ hasText: matching(t[lang], 'governments:api.tooMany', { wait: '.+' }) })).toBeVisible();

	await page.goto(`/${lang}/report/pledges/${id}`);
	const chosen = STATUSES.find((code) => code !== DEFAULT_STATUS)!;
	const note = `Refused ${randomUUID().slice(0, 8)}`;
	await page.getByLabel(t[lang]('governments:report.status'), { exact: true }).selectOption(chosen);
	await page.getByLabel(t[lang]('governments:report.note', { max: 1000 })).fill(note);
	await page.getByLabel(t[lang]('governments:report.evidence')).fill('https://example.org/refused');
	await page.getByRole('button', { name: t[lang]('governments:report.submit') }).click();
	await refusal(page);
	await expect(page.getByLabel(t[lang]('governments:report.status'), { exact: true })).toHaveValue(chosen);
	await expect(page.getByLabel(t[lang]('governments:report.note', { max: 1000 }))).toHaveValue(note);
	await expect(page.getByLabel(t[lang]('governments:report.evidence'))).toHaveValue('https://example.org/refused');

	const titleField = page.getByLabel(t[lang]('governments:report.titleField', { language: languageNameIn(lang, other) }));
	const descriptionField = page.getByLabel(t[lang]('governments:report.descriptionField', { language: languageNameIn(lang, other) }));
	const [title, description] = [`Title ${randomUUID().slice(0, 8)}`, `Description ${randomUUID()}`];
	await titleField.fill(title);
	await descriptionField.fill(description);
	await page.getByRole('button', { name: t[lang]('governments:report.saveTranslation') }).click();
	await refusal(page);
	await expect(titleField).toHaveValue(title);
	await expect(descriptionField).toHaveValue(description);

	await page.goto(`/${lang}/report/pledges/${returnedId}`);
	const resubmitted = `Resubmitted ${randomUUID().slice(0, 8)}`;
	await page.getByLabel(t[lang]('organizers:fields.title')).fill(resubmitted);
	await page.getByRole('button', { name: t[lang]('governments:report.resubmit') }).click();
	await refusal(page);
	await expect(page.getByLabel(t[lang]('organizers:fields.title'))).toHaveValue(resubmitted);

	await page.goto(`/${lang}/report`);
	const submitted = `Submitted ${randomUUID().slice(0, 8)}`;
	await page.getByLabel(t[lang]('organizers:fields.title')).fill(submitted);
	await page.getByRole('button', { name: t[lang]('governments:area.submitButton') }).click();
	await refusal(page);
	await expect(page.getByLabel(t[lang]('organizers:fields.title'))).toHaveValue(submitted);
});

test('a refused hiding of a note shows the reason typed under that note, and the corrected one hides it', async ({ page, baseURL }) => {
	await signIn(page);
	const { id } = await recordPledge(baseURL!, token, `Hide a note ${randomUUID().slice(0, 8)}`);
	await page.goto(`/organizers/pledges/${id}`);
	const note = `Note to hide ${randomUUID().slice(0, 8)}`;
	await page.getByLabel(t.en('organizers:progress.text', { max: 1000 })).fill(note);
	await page.getByRole('button', { name: t.en('organizers:progress.submitNote') }).click();
	const item = page.getByRole('listitem').filter({ hasText: note });
	const reasonField = item.getByLabel(t.en('governments:console.hideReason'));
	const reason = `Off topic <b>${randomUUID().slice(0, 8)}</b>`;
	await reasonField.fill(reason);
	await item.getByRole('button', { name: t.en('governments:console.hide') }).click();
	await expect(item.getByRole('alert')).toHaveText(t.en('governments:errors.markup'));
	await expect(reasonField).toHaveAttribute('aria-invalid', 'true');
	await expect(reasonField).toHaveValue(reason);
	const plain = reason.replace(/<\/?b>/g, '');
	await reasonField.fill(plain);
	await item.getByRole('button', { name: t.en('governments:console.hide') }).click();
	await expect(item.getByText(exactly(t.en('governments:console.hidden', { reason: plain })))).toBeVisible();
});
