import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { QUESTION_LIMITS } from '$lib/questions/schema';
import { VOTES_PER_MINUTE } from '$lib/server/questions/limits';
import { scrollToDeferredIslands } from './support/islands';
import { organizersCommand } from './support/organizers';
import { questionsApi, uniqueQuestion } from './support/questions';
import { freePort, startServerProcess } from './support/server-process';
import { matching, t } from './support/words';

// Its own server and store: limits per address need addresses (X-Forwarded-For, as behind a proxy),
// and a restart must keep them. One server for the file, so its tests take turns.
test.describe.configure({ mode: 'serial' });

let server: ChildProcess;
let origin: string;
let port: number;
let api: ReturnType<typeof questionsApi>;
const databaseFile = join(tmpdir(), `imrf-questions-abuse-${process.pid}-${Date.now()}.db`);
const env = { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' };
let nextAddress = 1;
/** A distinct client address for each caller. */
const address = () => `203.0.113.${nextAddress++}`;

test.beforeAll(async () => {
	port = await freePort();
	origin = `http://localhost:${port}`;
	server = await startServerProcess(port, databaseFile, { env });
	const token = /^token: (\S+)$/m.exec(organizersCommand(['add', 'moderator@example.org'], databaseFile))![1];
	api = questionsApi(origin, token);
	await api.setOpen(true);
});

test.afterAll(() => {
	server?.kill();
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
});

/** A viewer's browser as a script plays it: its cookie kept between calls, its own address. */
function browserAt(ip = address()) {
	let cookie = '';
	return {
		ip,
		async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
			const response = await fetch(`${origin}${path}`, {
				method,
				headers: { 'x-forwarded-for': ip, ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
				body: body === undefined ? undefined : JSON.stringify(body)
			});
			const set = response.headers.get('set-cookie');
			if (set) cookie = set.split(';')[0];
			return { status: response.status, headers: response.headers, body: (await response.json().catch(() => undefined)) as Record<string, unknown> };
		},
		ask(text: string, lang = 'en', headers: Record<string, string> = {}) {
			return this.call('POST', '/api/questions', { text, lang }, headers);
		}
	};
}

async function approvedQuestion(text = uniqueQuestion('Approved')) {
	const asked = await browserAt().ask(text);
	expect(asked.status).toBe(202);
	await api.moderate(asked.body.id as string, { status: 'approved' });
	return asked.body.id as string;
}

test('bad questions are refused with field messages in the asker’s language, and nothing is stored', async () => {
	const cases = [
		{ text: '   ', error: 'required' },
		{ text: 'x'.repeat(QUESTION_LIMITS.text + 1), error: 'tooLong', max: QUESTION_LIMITS.text },
		{ text: 'Hello <script>alert(1)</script>', error: 'markup' },
		{ text: 'Reversed \u202Etxet', error: 'control' }
	];
	for (const lang of ['en', 'fr'] as const) {
		for (const { text, error, max } of cases) {
			const response = await browserAt().ask(text, lang);
			expect(response.status, text).toBe(400);
			expect(response.body).toMatchObject({ error: 'invalid', fields: { text: t[lang](`questions:errors.${error}`, { max }) } });
		}
	}
	const tooLongName = await browserAt().call('POST', '/api/questions', { text: uniqueQuestion('Name'), name: 'n'.repeat(QUESTION_LIMITS.name + 1), lang: 'fr' });
	expect(tooLongName.body).toMatchObject({ fields: { name: t.fr('questions:errors.tooLong', { max: QUESTION_LIMITS.name }) } });
	expect((await browserAt().call('POST', '/api/questions', { text: 'Why?', lang: 'de' })).status).toBe(400);
	expect(await api.allTexts()).toEqual([]);
});

test('the ask form shows each problem in the page’s language and keeps what was typed', async ({ page }) => {
	await page.goto(`${origin}/fr/live/questions`);
	await page.getByLabel(t.fr('questions:form.text')).fill('Une <b>question</b>');
	await page.getByRole('button', { name: t.fr('questions:form.submit') }).click();
	await expect(page.getByRole('alert')).toHaveText(t.fr('questions:errors.summary'));
	await expect(page.getByLabel(t.fr('questions:form.text'))).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByText(t.fr('questions:errors.markup'))).toBeVisible();
	await expect(page.getByLabel(t.fr('questions:form.text'))).toHaveValue('Une <b>question</b>');
	await page.getByLabel(t.fr('questions:form.text')).fill('');
	await page.getByRole('button', { name: t.fr('questions:form.submit') }).click();
	await expect(page.getByText(t.fr('questions:errors.required'))).toBeVisible();
	expect(await api.allTexts()).toEqual([]);
});

test('an exact duplicate is refused', async () => {
	const text = uniqueQuestion('Asked twice');
	expect((await browserAt().ask(text)).status).toBe(202);
	const again = await browserAt().ask(text, 'fr');
	expect(again).toMatchObject({ status: 409, body: { error: 'duplicate', message: t.fr('questions:errors.duplicate') } });
	expect((await api.allTexts()).filter((stored) => stored === text)).toHaveLength(1);
});

test('a browser may have 3 questions pending, an address 30; then 429 with Retry-After', async () => {
	const viewer = browserAt();
	for (let i = 0; i < 3; i += 1) expect((await viewer.ask(uniqueQuestion(`Pending ${i}`))).status).toBe(202);
	const refused = await viewer.ask(uniqueQuestion('One too many'), 'fr');
	expect(refused.status).toBe(429);
	expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
	expect(refused.body.message).toMatch(new RegExp(`^${matching(t.fr, 'questions:errors.limited', { minutes: '\\d+' }).source}$`));

	// Thirty browsers behind one address (a room's Wi-Fi), each with one question: the thirty-first waits.
	const shared = address();
	for (let i = 0; i < 30; i += 1) expect((await browserAt(shared).ask(uniqueQuestion(`Room ${i}`))).status).toBe(202);
	expect((await browserAt(shared).ask(uniqueQuestion('Room, one too many'))).status).toBe(429);
	expect((await browserAt().ask(uniqueQuestion('Another network'))).status).toBe(202);
});

test('a browser may ask 10 questions an hour, moderated or not', async () => {
	const viewer = browserAt();
	for (let i = 0; i < 10; i += 1) {
		const asked = await viewer.ask(uniqueQuestion(`Hourly ${i}`));
		expect(asked.status).toBe(202);
		await api.moderate(asked.body.id as string, { status: 'rejected' });
	}
	const refused = await viewer.ask(uniqueQuestion('Hourly, one too many'));
	expect(refused.status).toBe(429);
	expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
});

test('votes: one per browser, 60 a minute, a limit that holds across a restart', async () => {
	const id = await approvedQuestion();
	const viewer = browserAt();
	expect((await viewer.call('POST', `/api/questions/${id}/vote`)).body).toMatchObject({ votes: 1, voted: true });
	expect((await viewer.call('POST', `/api/questions/${id}/vote`)).body).toMatchObject({ votes: 1, voted: true });
	for (let i = 2; i < 60; i += 1) expect((await viewer.call(i % 2 === 0 ? 'DELETE' : 'POST', `/api/questions/${id}/vote`)).status).toBe(200);
	const refused = await viewer.call('DELETE', `/api/questions/${id}/vote`, undefined, { 'accept-language': 'fr' });
	expect(refused.status).toBe(429);
	expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);

	server.kill();
	await new Promise((resolve) => server.once('exit', resolve));
	server = await startServerProcess(port, databaseFile, { env });
	expect((await viewer.call('DELETE', `/api/questions/${id}/vote`)).status).toBe(429);
	expect((await browserAt().call('POST', `/api/questions/${id}/vote`)).status).toBe(200);
});

test('fresh cookies for every vote: one address adds at most its per-question cap a minute to one question, and still votes on others', async () => {
	const id = await approvedQuestion();
	const venue = address();
	// A new browser (no cookie) for each vote, as one that clears its cookie every time.
	for (let i = 0; i < VOTES_PER_MINUTE.addressOnQuestion; i++) expect((await browserAt(venue).call('POST', `/api/questions/${id}/vote`)).status).toBe(200);
	const refused = await browserAt(venue).call('POST', `/api/questions/${id}/vote`, undefined, { 'accept-language': 'fr' });
	expect(refused.status).toBe(429);
	expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
	expect(refused.body.message).toBe(t.fr('questions:errors.limited', { minutes: Math.max(1, Math.ceil(Number(refused.headers.get('retry-after')) / 60)) }));
	const listed = (await (await fetch(`${origin}/api/questions`)).json()) as { questions: { id: string; votes: number }[] };
	expect(listed.questions.find((question) => question.id === id)?.votes).toBe(VOTES_PER_MINUTE.addressOnQuestion);
	expect((await browserAt(venue).call('POST', `/api/questions/${await approvedQuestion()}/vote`)).status).toBe(200);
	expect((await browserAt().call('POST', `/api/questions/${id}/vote`)).status).toBe(200);
});

test('a forged vote cookie is refused, and counts nothing', async () => {
	const id = await approvedQuestion();
	const forged = await browserAt().call('POST', `/api/questions/${id}/vote`, undefined, { cookie: 'viewer=AAAAAAAAAAAAAAAAAAAAAA.forged', 'accept-language': 'fr' });
	expect(forged).toMatchObject({ status: 403, body: { error: 'forged', message: t.fr('questions:errors.forged') } });
	const { questions } = (await (await fetch(`${origin}/api/questions`)).json()) as { questions: { id: string; votes: number }[] };
	expect(questions.find((q) => q.id === id)?.votes).toBe(0);
});

test('votes on pending, rejected and unknown questions get 404', async () => {
	const asked = await browserAt().ask(uniqueQuestion('Still pending'));
	const id = asked.body.id as string;
	expect((await browserAt().call('POST', `/api/questions/${id}/vote`, undefined, { 'accept-language': 'fr' })).body).toMatchObject({ error: 'not-found', message: t.fr('questions:errors.notFound') });
	await api.moderate(id, { status: 'rejected' });
	expect((await browserAt().call('POST', `/api/questions/${id}/vote`)).status).toBe(404);
	expect((await browserAt().call('POST', '/api/questions/no-such-question/vote')).status).toBe(404);
});

test('cross-site posts are refused, by form and by script, and store nothing', async () => {
	const text = uniqueQuestion('From another site');
	const form = await fetch(`${origin}/en/live/questions?/ask`, {
		method: 'POST',
		headers: { origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': address() },
		body: new URLSearchParams({ text })
	});
	expect(form.status).toBe(403);
	const script = await browserAt().ask(text, 'fr', { origin: 'https://attacker.example' });
	expect(script).toMatchObject({ status: 403, body: { error: 'cross-site', message: t.fr('questions:errors.crossSite') } });
	const id = await approvedQuestion();
	expect((await browserAt().call('POST', `/api/questions/${id}/vote`, undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
	expect(await api.allTexts()).not.toContain(text);
});

test('markup that reached the store shows as text and runs nothing', async ({ page }) => {
	const text = `<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> ${Date.now()}`;
	const db = new DatabaseSync(databaseFile, { timeout: 30_000 });
	db.prepare(
		`INSERT INTO questions (id, text, name, lang, status, browser_hash, address_hash, created_at, updated_at)
		 VALUES ('stored-markup', ?, '<b>Mallory</b>', 'en', 'approved', 'b', 'a', ?, ?)`
	).run(text, new Date().toISOString(), new Date().toISOString());
	db.close();
	for (const path of ['/en/live/questions', '/en/live']) {
		await page.goto(`${origin}${path}`);
		// On /live the list comes with its island, which starts once scrolled to.
		await scrollToDeferredIslands(page);
		await expect(page.getByText(text)).toBeVisible();
		await expect(page.getByText(t.en('questions:list.askedBy', { who: '<b>Mallory</b>' }))).toBeVisible();
		expect(await page.locator('#questions img, #questions script, #questions b').count()).toBe(0);
		expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
	}
});
