import { expect, test, type APIResponse } from '@playwright/test';
import { LANGUAGES } from '$lib/i18n/languages';
import { sharedOrganizer, signIn } from './support/organizers';
import { t } from './support/words';
import { BOTH_ENGINES } from './support/engine';

// One rule for every string a request brings to a query (src/lib/server/store/input-rule.ts): an id
// of no shape is no record (404), a NUL is refused (400), a body that is not UTF-8 is refused (400);
// never a 500. PostgreSQL refuses NUL where SQLite would store it: this suite runs on both engines
// (the `postgres` project of playwright.config.ts).

const NUL = '%00';
const NOT_UTF8 = Buffer.concat([Buffer.from('{"text":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' a question of some length","lang":"en"}')]);

const sameSite = (baseURL: string | undefined) => ({ origin: new URL(baseURL!).origin });
/** What a browser's form post sends (SvelteKit answers an action's failure with its status to an HTML request). */
const formPost = (baseURL: string | undefined, fields: Record<string, string>) => ({
	headers: { ...sameSite(baseURL), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
	data: new URLSearchParams(fields).toString(),
	maxRedirects: 0
});

async function expectApiError(response: APIResponse, status: number, error: string, message?: string) {
	expect(response.status()).toBe(status);
	const body = await response.json();
	expect(body.error).toBe(error);
	if (message) expect(body.message).toBe(message);
}

for (const lang of LANGUAGES) {
	test(`${lang}: a search holding NUL is refused by the API with its message, 400`, BOTH_ENGINES, async ({ request }) => {
		const response = await request.get(`/api/pledges?q=${NUL}&lang=${lang}`, { headers: { 'accept-language': lang } });
		await expectApiError(response, 400, 'invalid-search', t[lang]('pledges:listErrors.invalid-search'));
	});

	test(`${lang}: the list page answers a search holding NUL with the 400 page`, BOTH_ENGINES, async ({ page }) => {
		const response = await page.goto(`/${lang}/pledges?q=a${NUL}b`);
		expect(response?.status()).toBe(400);
		await expect(page.getByRole('heading', { level: 1, name: t[lang]('common:notFound.badRequestTitle') })).toBeVisible();
	});

	test(`${lang}: the no-JavaScript vote on an id holding NUL is answered 404`, BOTH_ENGINES, async ({ request, baseURL }) => {
		const response = await request.post(`/${lang}/live/questions?/vote`, formPost(baseURL, { id: '\0', voted: '1' }));
		expect(response.status()).toBe(404);
	});
}

test('a vote on an id holding NUL, or of no shape, is answered 404 on both methods', BOTH_ENGINES, async ({ request, baseURL }) => {
	for (const id of [NUL, 'a%00b', 'not-an-id']) {
		for (const method of ['POST', 'DELETE']) {
			const response = await request.fetch(`/api/questions/${id}/vote`, { method, headers: { ...sameSite(baseURL), 'content-type': 'application/json' }, data: '{}' });
			await expectApiError(response, 404, 'not-found');
		}
	}
});

test('a pledge page, its card and a question moderated by an id holding NUL are answered 404', BOTH_ENGINES, async ({ request }) => {
	expect((await request.get(`/en/pledges/${NUL}`)).status()).toBe(404);
	expect((await request.get(`/og/pledges/${NUL}/en.png`)).status()).toBe(404);
	const { token } = sharedOrganizer();
	const response = await request.patch(`/api/questions/${NUL}`, { headers: { authorization: `Bearer ${token}` }, data: { status: 'approved' } });
	await expectApiError(response, 404, 'not-found');
});

test('a sign-in with an e-mail address holding NUL is refused 400, as wrong credentials', BOTH_ENGINES, async ({ page, baseURL }) => {
	const response = await page.request.post('/organizers?/signIn', formPost(baseURL, { email: 'a\0b@example.org', password: 'x' }));
	expect(response.status()).toBe(400);
});

test('the console answers ids holding NUL with 404, in its links and its forms', BOTH_ENGINES, async ({ page, baseURL }) => {
	await signIn(page);
	expect((await page.request.get(`/organizers/pledges/${NUL}`)).status()).toBe(404);
	expect((await page.request.get(`/organizers?withdrawn=${NUL}`)).status()).toBe(200);
	for (const action of ['withdraw', 'restore']) {
		const response = await page.request.post(`/organizers?/${action}`, formPost(baseURL, { id: '\0' }));
		expect(response.status()).toBe(404);
	}
	const moderated = await page.request.post('/organizers/questions?/moderate', formPost(baseURL, { id: '\0', status: 'approved' }));
	expect(moderated.status()).toBe(404);
});

test('a question whose text holds NUL is refused 400 with its field named', BOTH_ENGINES, async ({ request, baseURL }) => {
	const response = await request.post('/api/questions', { headers: sameSite(baseURL), data: { text: 'A question \u0000 of some length', lang: 'en' } });
	expect(response.status()).toBe(400);
	expect((await response.json()).fields.text).toBeTruthy();
});

test('bodies that are not UTF-8 are refused 400 on every write of the questions', BOTH_ENGINES, async ({ request, baseURL }) => {
	const { token } = sharedOrganizer();
	const message = t.en('common:api.invalidEncoding');
	const asked = await request.post('/api/questions', { headers: { ...sameSite(baseURL), 'content-type': 'application/json' }, data: NOT_UTF8 });
	await expectApiError(asked, 400, 'invalid-encoding', message);
	const organizer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
	const moderated = await request.patch('/api/questions/00000000-0000-4000-8000-000000000000', { headers: organizer, data: NOT_UTF8 });
	await expectApiError(moderated, 400, 'invalid-encoding', message);
	const opened = await request.put('/api/questions/open', { headers: organizer, data: NOT_UTF8 });
	await expectApiError(opened, 400, 'invalid-encoding', message);
});
