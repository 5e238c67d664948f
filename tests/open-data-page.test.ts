import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { LANGUAGES } from '$lib/i18n/languages';
import { DEFAULT_OPEN_DATA_LICENSE, licenseUrl } from '$lib/pledges/license';
import { parseCsv } from '$lib/pledges/csv';
import { reporterActor } from '$lib/server/governments/reporters';
import { openStore } from '../src/lib/server/store/open.ts';
import { BOTH_ENGINES, testDatabaseUrl } from './support/engine';
import { ownServer } from './support/server-process';
import { exactly, t } from './support/words';

// /{lang}/open-data explains every column of the CSV and every field of the JSON the server emits,
// and the licence the data carries (OPEN_DATA_LICENSE).

/** A pledge with every field the open data can carry: a government's, published, with a progress note. */
async function completePledge(databaseUrl: string): Promise<string> {
	const store = await openStore(databaseUrl);
	try {
		const organizer = { id: 'test', email: 'organizer@example.org' };
		const government = { government: `Ville ${randomUUID().slice(0, 8)}`, country: 'FR' };
		const { token } = await store.invitations.invite({ ...government, email: `reporter-${randomUUID()}@example.org`, lang: 'fr' }, organizer);
		const accepted = await store.invitations.accept(token, 'not a real hash');
		if (accepted.kind !== 'accepted') throw new Error(accepted.kind);
		const reporter = reporterActor(accepted.reporter);
		const fields = { title: `Open data ${randomUUID().slice(0, 8)}`, description: 'Described', compacts: ['GCM' as const], url: 'https://example.org/action' };
		const submitted = await store.reporting.submit(fields, 'fr', government, reporter);
		await store.reporting.verify(submitted.id, { verification: 'published' }, organizer);
		await store.addNote(submitted.id, { date: '2026-01-15', text: 'Progress' }, reporter);
		return submitted.id;
	} finally {
		await store.close();
	}
}

/** The names the server emits: the CSV's header, the JSON's own fields, each pledge's and each note's. */
async function emittedNames(request: APIRequestContext) {
	const csv = parseCsv(await (await request.get('/api/pledges.csv')).text());
	if ('problem' in csv) throw new Error(csv.problem);
	const json = (await (await request.get('/api/pledges?limit=1000')).json()) as { pledges: { notes: object[] }[] };
	const pledges = json.pledges;
	return {
		csv: csv.records[0],
		json: Object.keys(json),
		pledge: [...new Set(pledges.flatMap(Object.keys))],
		note: [...new Set(pledges.flatMap((pledge) => pledge.notes.flatMap(Object.keys)))]
	};
}

for (const lang of LANGUAGES) {
	test(`${lang}: the open-data page documents every column and field the server emits`, async ({ page, request }) => {
		await completePledge(testDatabaseUrl());
		const emitted = await emittedNames(request);
		for (const name of ['reportedBy', 'verification', 'verifiedAt', 'lastReportAt']) {
			expect(emitted.csv, name).toContain(name);
			expect(emitted.pledge, name).toContain(name);
		}
		expect(emitted.json).toContain('license');
		expect(emitted.note.length).toBeGreaterThan(0);

		await page.goto(`/${lang}/open-data`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(t[lang]('opendata:title'));
		// Each section's names, as the list under its heading gives them.
		const documented = async (heading: string) => page.getByRole('heading', { name: heading, exact: true }).locator('xpath=following-sibling::dl[1]').locator('dt').allTextContents();
		expect((await documented(t[lang]('opendata:csv.heading'))).sort()).toEqual([...emitted.csv].sort());
		expect(await documented(t[lang]('opendata:json.heading'))).toEqual(expect.arrayContaining(emitted.json));
		expect(await documented(t[lang]('opendata:json.pledge'))).toEqual(expect.arrayContaining(emitted.pledge));
		expect(await documented(t[lang]('opendata:json.note'))).toEqual(expect.arrayContaining(emitted.note));

		// The licence, its text linked; the page is linked from the pledges' list and the footer.
		await expect(page.getByRole('link', { name: t[lang]('opendata:license.link', { license: DEFAULT_OPEN_DATA_LICENSE }) })).toHaveAttribute('href', licenseUrl(DEFAULT_OPEN_DATA_LICENSE));
		await page.goto(`/${lang}/pledges`);
		await page.getByRole('link', { name: exactly(t[lang]('opendata:link')) }).click();
		await expect(page).toHaveURL(new RegExp(`/${lang}/open-data$`));
		await expect(page.getByRole('contentinfo').getByRole('link', { name: exactly(t[lang]('nav.openData')) })).toHaveAttribute('href', `/${lang}/open-data`);
	});
}

test('the CSV and the JSON carry the licence: a Link header, and the JSON its license field', BOTH_ENGINES, async ({ request }) => {
	for (const path of ['/api/pledges.csv', '/api/pledges']) {
		const response = await request.get(path);
		expect(response.headers()['link'], path).toBe(`<${licenseUrl(DEFAULT_OPEN_DATA_LICENSE)}>; rel="license"; title="${DEFAULT_OPEN_DATA_LICENSE}"`);
	}
	expect((await (await request.get('/api/pledges?limit=1')).json()).license).toBe(DEFAULT_OPEN_DATA_LICENSE);
});

test('a server started with another OPEN_DATA_LICENSE says it in the data and on the page', async ({ page }) => {
	// A server of the test's own, on SQLite: the setting is the same on either engine.
	test.slow();
	const license = 'ODbL-1.0';
	const databaseFile = join(tmpdir(), `imrf-open-data-${process.pid}-${Date.now()}.db`);
	const server = await ownServer(databaseFile, { env: { OPEN_DATA_LICENSE: license } });
	try {
		await completePledge(databaseFile);
		const json = await fetch(`${server.origin}/api/pledges`);
		expect((await json.json()).license).toBe(license);
		expect(json.headers.get('link')).toContain(`<${licenseUrl(license)}>; rel="license"`);
		expect((await fetch(`${server.origin}/api/pledges.csv`)).headers.get('link')).toContain(`<${licenseUrl(license)}>; rel="license"`);
		for (const lang of LANGUAGES) {
			await page.goto(`${server.origin}/${lang}/open-data`);
			await expect(page.getByText(t[lang]('opendata:license.text', { license }))).toBeVisible();
			await expect(page.getByRole('link', { name: t[lang]('opendata:license.link', { license }) })).toHaveAttribute('href', licenseUrl(license));
		}
	} finally {
		await server.stop();
		rmSync(databaseFile, { force: true });
	}
});
