import { expect, test, type APIRequestContext } from '@playwright/test';
import { LANGUAGE_NAMES, LANGUAGES } from '$lib/i18n/languages';

test.use({ javaScriptEnabled: false });

for (const lang of ['en', 'fr']) {
	test(`/${lang}/ can be read without JavaScript`, async ({ page }) => {
		await page.goto(`/${lang}/`);
		await expect(page.locator('#agenda .segment')).toHaveCount(3);
		await expect(page.locator('#speakers .speaker')).toHaveCount(8);
		await expect(page.locator('#background p').first()).toBeVisible();
		// Built after the event: the livestream section leads to the recording and what followed.
		await expect(page.locator('#livestream a.button')).toHaveAttribute('href', `/${lang}/live`);
	});
}

test('the language switch works without JavaScript', async ({ page }) => {
	await page.goto('/en/');
	await page.getByRole('link', { name: new RegExp(LANGUAGE_NAMES.fr, 'i') }).click();
	await expect(page).toHaveURL(/\/fr\/$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
});

/** The component-scoped classes (Svelte's `svelte-…`) a page's markup uses that none of its styles name. */
async function unstyledClasses(request: APIRequestContext, path: string): Promise<string[]> {
	const html = await (await request.get(path)).text();
	const used = new Set([...html.matchAll(/\bclass="([^"]*)"/g)].flatMap(([, names]) => names.split(/\s+/).filter((name) => /^svelte-[a-z0-9]+$/.test(name))));
	// What the page applies: its inline styles and the stylesheets it links (a disabled link is one whose rules are inline).
	const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(([, css]) => css);
	const linked = [...html.matchAll(/<link\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => /rel="stylesheet"/.test(tag) && !/\bdisabled\b/.test(tag));
	const fetched = await Promise.all(linked.map(async (tag) => (await request.get(new URL(/href="([^"]+)"/.exec(tag)![1], new URL(path, 'http://site/')).pathname)).text()));
	const styles = [...inline, ...fetched].join('\n');
	return [...used].filter((name) => !styles.includes(`.${name}`));
}

// Every part of a page is styled before any script runs, the islands included (their styles come with the
// page, not with their code).
for (const lang of LANGUAGES) {
	for (const path of ['/', '/live', '/live/questions', '/live/captions', '/transcript', '/pledges', '/embed/counter', '/screen', '/overlay', '/report/sign-in']) {
		test(`/${lang}${path}: every component on the page has its styles without JavaScript`, async ({ request }) => {
			expect(await unstyledClasses(request, `/${lang}${path}`)).toEqual([]);
		});
	}
}
