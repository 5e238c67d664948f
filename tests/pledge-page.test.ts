import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { recordPledge } from './support/organizer-token';
import { createOrganizer, signIn, uniqueTitle } from './support/organizers';

// Each pledge has its own page (/{lang}/pledges/{id}), linked from the list; a withdrawn one answers 410.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('the list links each pledge to its own page, in both languages and without JavaScript', async ({ baseURL, browser }) => {
	const title = uniqueTitle('A one-stop shop for newcomers');
	const { id } = await recordPledge(baseURL!, createOrganizer().token, title);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();

	await page.goto('/en/pledges');
	await page.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(`/en/pledges/${id}`);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Kampala Capital City Authority')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Uganda' })).toHaveAttribute('href', '/en/pledges?country=UG');
	await expect(page.getByRole('link', { name: 'Global Compact on Refugees' })).toHaveAttribute('href', '/en/pledges?compact=GCR');
	await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/en/pledges/${id}$`));
	await expect(page.locator('link[hreflang="fr"]')).toHaveAttribute('href', new RegExp(`/fr/pledges/${id}$`));
	const createdAt = (await page.locator('time').getAttribute('datetime'))!;
	const inNewYork = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'America/New_York' } as const;
	await expect(page.locator('time')).toHaveText(new Intl.DateTimeFormat('en-US', inNewYork).format(new Date(createdAt)));

	await page.goto(`/fr/pledges/${id}`);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Remis au Réseau des Nations Unies sur les migrations')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Ouganda' })).toHaveAttribute('href', '/fr/pledges?country=UG');
	await expect(page.locator('time')).toHaveText(new Intl.DateTimeFormat('fr-FR', inNewYork).format(new Date(createdAt)));
	await context.close();
});

test('a pledge’s page passes axe', async ({ baseURL, page }) => {
	const { id } = await recordPledge(baseURL!, createOrganizer().token, uniqueTitle('Language classes at the town hall'));
	for (const lang of ['en', 'fr']) {
		await page.goto(`/${lang}/pledges/${id}`);
		const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), lang).toEqual([]);
	}
});

test('a withdrawn pledge’s page answers 410 with a short page in its language; an unknown one 404', async ({ baseURL, page, browser }) => {
	const title = uniqueTitle('A shelter opened for the winter');
	const { id } = await recordPledge(baseURL!, createOrganizer().token, title);
	await signIn(page);
	await page.getByRole('button', { name: `Withdraw – ${title}` }).click();
	await expect(page.getByRole('status')).toContainText(`Withdrawn: ${title}`);

	const visitor = await browser.newPage();
	const gone = await visitor.goto(`/fr/pledges/${id}`);
	expect(gone?.status()).toBe(410);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Cet engagement a été retiré');
	await expect(visitor.getByText(title)).toHaveCount(0);
	await expect(visitor.getByRole('link', { name: 'Voir les engagements remis' })).toHaveAttribute('href', '/fr/pledges');

	expect((await visitor.goto('/en/pledges/00000000-0000-4000-8000-000000000000'))?.status()).toBe(404);
	expect((await visitor.goto('/en/pledges/not-a-pledge'))?.status()).toBe(404);
	await visitor.close();
});
