import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { event } from '$lib/event/event';
import { countryName } from '$lib/i18n/format';
import { isHandedOverAtEvent } from '$lib/pledges/handover';
import { RECORDED_BY, recordPledge } from './support/organizer-token';
import { sharedOrganizer, signIn, uniqueTitle } from './support/organizers';
import { overwriteStoredTitle } from './support/stored-text';
import { t } from './support/words';
import { BOTH_ENGINES } from './support/engine';

// Each pledge has its own page (/{lang}/pledges/{id}), linked from the list; a withdrawn one answers 410.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('the list links each pledge to its own page, in both languages and without JavaScript', async ({ baseURL, browser }) => {
	const title = uniqueTitle('A one-stop shop for newcomers');
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, title);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();

	await page.goto('/en/pledges');
	await page.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(`/en/pledges/${id}`);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText(RECORDED_BY.government)).toBeVisible();
	await expect(page.getByRole('link', { name: countryName(RECORDED_BY.country, 'en') })).toHaveAttribute('href', '/en/pledges?country=UG');
	await expect(page.getByRole('link', { name: t.en('pledges:compacts.GCR') })).toHaveAttribute('href', '/en/pledges?compact=GCR');
	await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/en/pledges/${id}$`));
	await expect(page.locator('link[hreflang="fr"]')).toHaveAttribute('href', new RegExp(`/fr/pledges/${id}$`));
	const createdAt = (await page.locator('time').getAttribute('datetime'))!;
	const inNewYork = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: event.timeZone } as const;
	await expect(page.locator('time')).toHaveText(new Intl.DateTimeFormat('en-US', inNewYork).format(new Date(createdAt)));

	await page.goto(`/fr/pledges/${id}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	// Recorded now, years after the event: a recording on the platform, not a handover at the event.
	await expect(page.getByText(t.fr(isHandedOverAtEvent(new Date(createdAt), event) ? 'pledges:page.handedOver' : 'pledges:page.recorded'), { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: countryName(RECORDED_BY.country, 'fr') })).toHaveAttribute('href', '/fr/pledges?country=UG');
	await expect(page.locator('time')).toHaveText(new Intl.DateTimeFormat('fr-FR', inNewYork).format(new Date(createdAt)));
	await context.close();
});

test('a pledge’s page passes axe', async ({ baseURL, page }) => {
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, uniqueTitle('Language classes at the town hall'));
	for (const lang of ['en', 'fr']) {
		await page.goto(`/${lang}/pledges/${id}`);
		const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), lang).toEqual([]);
	}
});

test('a withdrawn pledge’s page answers 410 with a short page in its language; an unknown one 404', BOTH_ENGINES, async ({ baseURL, page, browser }) => {
	const title = uniqueTitle('A shelter opened for the winter');
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, title);
	await signIn(page);
	await page.getByRole('button', { name: `${t.en('organizers:ledger.withdraw')} – ${title}` }).click();
	await expect(page.getByRole('status')).toContainText(t.en('organizers:notice.withdrawn', { title }));

	const visitor = await browser.newPage();
	const gone = await visitor.goto(`/fr/pledges/${id}`);
	expect(gone?.status()).toBe(410);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(t.fr('notFound.goneTitle'));
	await expect(visitor.getByText(title)).toHaveCount(0);
	await expect(visitor.getByRole('link', { name: t.fr('notFound.pledges') })).toHaveAttribute('href', '/fr/pledges');

	expect((await visitor.goto('/en/pledges/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
	expect((await visitor.goto('/en/pledges/not-a-pledge'))?.status()).toBe(404);
	expect((await visitor.request.get(`/og/pledges/${id}/fr.png`)).status()).toBe(410);
	expect((await visitor.request.get('/og/pledges/00000000-0000-4000-8000-000000000000/en.png')).status()).toBe(404);
	expect((await visitor.request.get('/og/pledges/not-a-pledge/en.png')).status()).toBe(404);
	await visitor.close();
});

/** The width and height a PNG's IHDR chunk declares. */
const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

test('a pledge’s page shares its own card: a 1200×630 PNG, described in the page’s language, revalidated by ETag', async ({ baseURL, page, request }) => {
	const title = uniqueTitle('Cours de français à la mairie');
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, title);
	await page.goto(`/fr/pledges/${id}`);
	const head = page.locator('head');
	const image = new URL((await head.locator('meta[property="og:image"]').getAttribute('content'))!);
	expect(image.pathname).toBe(`/og/pledges/${id}/fr.png`);
	await expect(head.locator('meta[name="twitter:image"]')).toHaveAttribute('content', image.href);
	const alt = t.fr('pledges:card.alt', { title, government: RECORDED_BY.government, country: countryName(RECORDED_BY.country, 'fr') });
	await expect(head.locator('meta[property="og:image:alt"]')).toHaveAttribute('content', alt);
	await expect(head.locator('meta[name="twitter:image:alt"]')).toHaveAttribute('content', alt);

	// The image as a crawler fetches it (the URL carries the configured origin; asked here of the test server).
	const card = await request.get(`${image.pathname}${image.search}`);
	expect(card.status()).toBe(200);
	expect(card.headers()['content-type']).toBe('image/png');
	expect(pngSize(await card.body())).toEqual([1200, 630]);
	const etag = card.headers()['etag'];
	expect(etag).toMatch(/^"[\w-]+"$/);
	expect((await request.get(image.pathname, { headers: { 'if-none-match': etag } })).status()).toBe(304);
	// The English page points to the English card, a different image.
	await page.goto(`/en/pledges/${id}`);
	const english = new URL((await head.locator('meta[property="og:image"]').getAttribute('content'))!);
	expect(english.pathname).toBe(`/og/pledges/${id}/en.png`);
	expect((await request.get(english.pathname, { headers: { 'if-none-match': etag } })).status()).toBe(200);
});

test('a pledge’s card is drawn whatever the title’s script or length', async ({ baseURL, request }) => {
	const token = sharedOrganizer().token;
	for (const title of [
		`${'Un plan municipal d’accueil et d’inclusion des migrants et des réfugiés, '.repeat(4)}fin`.slice(0, 300),
		'دروس اللغة العربية للقادمين الجدد في قاعة المدينة',
		'移民と難民のための地域行動計画'.repeat(8)
	]) {
		const { id } = await recordPledge(baseURL!, token, title);
		const card = await request.get(`/og/pledges/${id}/en.png`);
		expect(card.status(), title).toBe(200);
		expect(pngSize(await card.body()), title).toEqual([1200, 630]);
	}
});

test('a pledge’s page describes it in JSON-LD: an Action by a GovernmentOrganization', async ({ baseURL, page }) => {
	const title = uniqueTitle('Housing advice for newcomers');
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, title);
	await page.goto(`/en/pledges/${id}`);
	const blocks = page.locator('script[type="application/ld+json"]');
	await expect(blocks).toHaveCount(1);
	const data = JSON.parse((await blocks.textContent())!);
	expect(data).toMatchObject({
		'@context': 'https://schema.org',
		'@type': 'WebPage',
		url: expect.stringMatching(new RegExp(`/en/pledges/${id}$`)),
		mainEntity: {
			'@type': 'Action',
			name: title,
			agent: { '@type': 'GovernmentOrganization', name: RECORDED_BY.government, address: { addressCountry: RECORDED_BY.country } }
		}
	});
	expect(data.primaryImageOfPage.contentUrl).toMatch(new RegExp(`/og/pledges/${id}/en\\.png`));
});

test('a title holding </script><script> cannot leave the JSON-LD block: refused by the API, and inert if stored anyway', async ({ baseURL, page }) => {
	const token = sharedOrganizer().token;
	const hostile = '</script><script>document.title="injected"</script><!--';
	await expect(recordPledge(baseURL!, token, hostile)).rejects.toThrow(/answered 400/);

	// Past the schema, straight into the store: the page still holds one data block that reads back the exact text.
	const { id } = await recordPledge(baseURL!, token, uniqueTitle('Placeholder'));
	await overwriteStoredTitle(id, hostile);
	const response = await page.goto(`/en/pledges/${id}`);
	const html = await response!.text();
	expect(html).not.toContain('<script>document.title');
	expect(html).toContain('\\u003c/script>\\u003cscript>');
	await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(1);
	expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!).mainEntity.name).toBe(hostile);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(hostile);
	expect(await page.title()).toBe(`${hostile} – ${RECORDED_BY.government}`);
	const card = await page.request.get(`/og/pledges/${id}/en.png`);
	expect(card.status()).toBe(200);
});

test('a correction gives the card a new address and ETag: the old copy is no longer current', BOTH_ENGINES, async ({ baseURL, page, request }) => {
	const title = uniqueTitle('Legal advice in three languages');
	const { id } = await recordPledge(baseURL!, sharedOrganizer().token, title);
	const cardOf = async () => {
		await page.goto(`/en/pledges/${id}`);
		return new URL((await page.locator('meta[property="og:image"]').getAttribute('content'))!);
	};
	const before = await cardOf();
	const etag = (await request.get(before.pathname)).headers()['etag'];

	await signIn(page);
	const corrected = `${title} (corrected)`;
	await page.getByRole('link', { name: `${t.en('organizers:ledger.correct')} – ${title}` }).click();
	await page.getByLabel(t.en('organizers:fields.title')).fill(corrected);
	await page.getByRole('button', { name: t.en('organizers:correct.submit') }).click();
	await expect(page.getByRole('status')).toHaveText(t.en('organizers:notice.updated', { title: corrected }));

	const after = await cardOf();
	expect(after.pathname).toBe(before.pathname);
	expect(after.search).not.toBe(before.search);
	const fresh = await request.get(after.pathname, { headers: { 'if-none-match': etag } });
	expect(fresh.status()).toBe(200);
	expect(fresh.headers()['etag']).not.toBe(etag);
	await expect(page.locator('meta[property="og:image:alt"]')).toHaveAttribute(
		'content',
		t.en('pledges:card.alt', { title: corrected, government: RECORDED_BY.government, country: countryName(RECORDED_BY.country, 'en') })
	);
});
