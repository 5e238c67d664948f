import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { event } from '$lib/event/event';
import { parseCsv } from '$lib/pledges/csv';
import { DEFAULT_STALE_AFTER_MONTHS } from '$lib/pledges/freshness';
import { recordPledge } from './support/organizer-token';
import { signIn } from './support/organizers';
import { backdateStoredPledge } from './support/stored-text';
import { t } from './support/words';
import { BOTH_ENGINES } from './support/engine';

// Each pledge shows its last progress report; one without any for the set period (12 months by
// default) is marked "no recent report", and the list filters on it. Runs on SQLite and PostgreSQL.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const inNewYork = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: event.timeZone } as const;
const LOCALES = { en: 'en-US', fr: 'fr-FR' } as const;
// Further back than the period: a pledge recorded then, never reported, has gone quiet.
const longAgo = () => {
	const then = new Date();
	then.setUTCMonth(then.getUTCMonth() - DEFAULT_STALE_AFTER_MONTHS - 1);
	return then.toISOString();
};

/** Two pledges recorded long ago under one word: one never reported, one given a note today. */
async function quietAndReported(baseURL: string, request: APIRequestContext, token: string) {
	const word = `fresh${randomUUID().slice(0, 8)}`;
	const quiet = await recordPledge(baseURL, token, `${word} never reported`);
	const reported = await recordPledge(baseURL, token, `${word} reported`);
	await backdateStoredPledge(quiet.id, longAgo());
	await backdateStoredPledge(reported.id, longAgo());
	const response = await request.post(`/organizers/pledges/${reported.id}?/note`, {
		form: { date: new Intl.DateTimeFormat('en-CA', { timeZone: event.timeZone }).format(new Date()), text: 'A progress report.' },
		headers: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status()).toBe(303);
	return { word, quiet: quiet.id, reported: reported.id };
}

test('a pledge without a report for the period is marked, the list filters on it, and a reported one shows its last report', async ({ baseURL, page, browser }) => {
	test.setTimeout(180_000);
	const { token } = await signIn(page);
	const { word, quiet, reported } = await quietAndReported(baseURL!, page.request, token);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const reader = await context.newPage();
	for (const lang of ['en', 'fr'] as const) {
		await reader.goto(`/${lang}/pledges?q=${word}`);
		await reader.getByLabel(t[lang]('follow:freshness.filter')).selectOption({ label: t[lang]('follow:freshness.stale', { count: DEFAULT_STALE_AFTER_MONTHS }) });
		await reader.getByRole('button', { name: t[lang]('pledges:public.filter.submit') }).click();
		await expect(reader).toHaveURL(/[?&]report=stale/);
		const cards = reader.locator('.pledge-list > li');
		await expect(cards).toHaveCount(1);
		await expect(cards.getByRole('link', { name: `${word} never reported` })).toBeVisible();
		await expect(cards).toContainText(t[lang]('follow:freshness.stale'));
		await expect(cards).toContainText(t[lang]('follow:freshness.none'));

		await reader.goto(`/${lang}/pledges?q=${word}&report=recent`);
		await expect(cards).toHaveCount(1);
		await expect(cards.getByRole('link', { name: `${word} reported` })).toBeVisible();
		await expect(cards).not.toContainText(t[lang]('follow:freshness.stale'));

		await reader.goto(`/${lang}/pledges/${reported}`);
		const time = reader.locator('.last-report time');
		const lastReportAt = (await time.getAttribute('datetime'))!;
		await expect(time).toHaveText(new Intl.DateTimeFormat(LOCALES[lang], inNewYork).format(new Date(lastReportAt)));
		await reader.goto(`/${lang}/pledges/${quiet}`);
		await expect(reader.locator('.last-report')).toContainText(t[lang]('follow:freshness.stale'));
	}
	await context.close();
	// axe runs its script in the page: in a browser with JavaScript (the organizer's).
	for (const path of [`/fr/pledges?q=${word}&report=stale`, `/en/pledges/${quiet}`, `/fr/pledges/${reported}`]) {
		await page.goto(path);
		const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), path).toEqual([]);
	}
});

test('the open data carries each pledge’s last report: the same instant in the CSV and the JSON, none for a pledge never reported', BOTH_ENGINES, async ({ baseURL, page }) => {
	test.setTimeout(180_000);
	const { token } = await signIn(page);
	const { word, quiet, reported } = await quietAndReported(baseURL!, page.request, token);
	const json = (await (await page.request.get(`/api/pledges?q=${word}`)).json()) as { pledges: { id: string; lastReportAt: string | null }[] };
	const byId = new Map(json.pledges.map((pledge) => [pledge.id, pledge.lastReportAt]));
	expect(byId.get(quiet)).toBeNull();
	expect(Number.isNaN(Date.parse(byId.get(reported) ?? ''))).toBe(false);
	expect((await (await page.request.get(`/api/pledges?q=${word}&report=stale`)).json()).pledges.map((pledge: { id: string }) => pledge.id)).toEqual([quiet]);
	expect((await page.request.get('/api/pledges?report=old')).status()).toBe(400);

	const parsed = parseCsv(await (await page.request.get('/api/pledges.csv')).text());
	if ('problem' in parsed) throw new Error(parsed.problem);
	const [header, ...rows] = parsed.records;
	const column = header.indexOf('lastReportAt');
	expect(column).toBeGreaterThan(0);
	expect(rows.find((cells) => cells[0] === reported)?.[column]).toBe(byId.get(reported));
	expect(rows.find((cells) => cells[0] === quiet)?.[column]).toBe('');
});
