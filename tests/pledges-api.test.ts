import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { createOrganizer, organizersCommand, sharedOrganizer, uniqueTitle } from './support/organizers';
import { rawRequest } from './support/server-process';
import { t } from './support/words';
import { BOTH_ENGINES } from './support/engine';

// Made once per worker, on the store of this project's server (SQLite, or PostgreSQL for the `postgres` project).
let organizer: ReturnType<typeof createOrganizer>;
test.beforeAll(() => {
	organizer = sharedOrganizer();
});
const auth = {
	get authorization() {
		return `Bearer ${organizer.token}`;
	}
};
const pledge = (title: string) => ({ government: 'Kampala Capital City Authority', country: 'UG', title, compacts: ['GCM'] });

async function storedTitles(request: APIRequestContext): Promise<string[]> {
	const response = await request.get('/api/pledges?limit=1000');
	expect(response.status()).toBe(200);
	return ((await response.json()) as { pledges: { title: string }[] }).pledges.map((p) => p.title);
}

async function expectNotStored(request: APIRequestContext, title: string) {
	expect(await storedTitles(request)).not.toContain(title);
}

test.describe('GET /api/pledges', BOTH_ENGINES, () => {
	test('answers the count, the time of the last change and the pledges, newest first', async ({ request }) => {
		const first = uniqueTitle('first');
		const second = uniqueTitle('second');
		for (const title of [first, second]) expect((await request.post('/api/pledges', { headers: auth, data: pledge(title) })).status()).toBe(201);
		const body = await (await request.get('/api/pledges')).json();
		expect(body.count).toBeGreaterThanOrEqual(2);
		expect(Number.isNaN(Date.parse(body.updatedAt))).toBe(false);
		const titles = body.pledges.map((p: { title: string }) => p.title);
		expect(titles.indexOf(second)).toBeLessThan(titles.indexOf(first));
	});

	test('limits the list with ?limit= and refuses a limit above 1000', async ({ request }) => {
		await request.post('/api/pledges', { headers: auth, data: pledge(uniqueTitle('limit')) });
		expect((await (await request.get('/api/pledges?limit=1')).json()).pledges).toHaveLength(1);
		expect((await request.get('/api/pledges?limit=1001')).status()).toBe(400);
		expect((await request.get('/api/pledges?limit=abc')).status()).toBe(400);
	});
});

test.describe('who may write', BOTH_ENGINES, () => {
	test('a pledge with a valid token is stored and answered with its id', async ({ request }) => {
		const title = uniqueTitle('valid token');
		const response = await request.post('/api/pledges', { headers: auth, data: pledge(title) });
		expect(response.status()).toBe(201);
		const body = await response.json();
		expect(body).toMatchObject({ ...pledge(title), id: expect.any(String), createdAt: expect.any(String) });
		expect(await storedTitles(request)).toContain(title);
	});

	test('no token: 401 and nothing stored', async ({ request }) => {
		const title = uniqueTitle('no token');
		const response = await request.post('/api/pledges', { data: pledge(title) });
		expect(response.status()).toBe(401);
		expect((await response.json()).message).toMatch(/token/i);
		await expectNotStored(request, title);
	});

	test('a wrong token, even one naming a real organizer: 401 and nothing stored', async ({ request }) => {
		const title = uniqueTitle('wrong token');
		const forged = organizer.token.replace(/_[^_]+$/, '_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
		for (const token of [forged, 'not-a-token', `${organizer.token}x`]) {
			const response = await request.post('/api/pledges', { headers: { authorization: `Bearer ${token}` }, data: pledge(title) });
			expect(response.status()).toBe(401);
		}
		await expectNotStored(request, title);
	});

	test('a forged session cookie opens neither the API nor the console', async ({ request, baseURL }) => {
		const title = uniqueTitle('forged cookie');
		const cookie = { cookie: 'organizer_session=forged-session-id-0123456789abcdef' };
		const api = await request.post('/api/pledges', { headers: cookie, data: pledge(title) });
		expect(api.status()).toBe(403);
		const form = await request.post('/organizers?/add', {
			headers: { ...cookie, origin: baseURL!, accept: 'text/html' },
			form: { government: 'Forged', country: 'UG', title },
			maxRedirects: 0
		});
		expect(form.status()).toBe(403);
		const page = await request.get('/organizers/audit', { headers: cookie, maxRedirects: 0 });
		expect(page.status()).toBe(303);
		await expectNotStored(request, title);
	});

	test('a signed-in organizer can post the add form from the site, but not from another site', async ({ playwright, baseURL }) => {
		const context = await playwright.request.newContext({ baseURL });
		const signIn = await context.post('/organizers?/signIn', {
			headers: { origin: baseURL!, accept: 'text/html' },
			form: { email: organizer.email, password: organizer.password },
			maxRedirects: 0
		});
		expect(signIn.status()).toBe(303);
		const crossSite = uniqueTitle('cross-site');
		const refused = await context.post('/organizers?/add', {
			headers: { origin: 'https://evil.example', accept: 'text/html' },
			form: { government: 'Evil', country: 'UG', title: crossSite },
			maxRedirects: 0
		});
		expect(refused.status()).toBe(403);
		const sameSite = uniqueTitle('same-site');
		const accepted = await context.post('/organizers?/add', {
			headers: { origin: baseURL!, accept: 'text/html' },
			form: { government: 'Good', country: 'UG', title: sameSite },
			maxRedirects: 0
		});
		expect(accepted.status()).toBe(303);
		const titles = await storedTitles(context);
		expect(titles).toContain(sameSite);
		expect(titles).not.toContain(crossSite);
		await context.dispose();
	});

	test('an organizer removed with the command while the server runs loses API access at once', async ({ request }) => {
		const leaving = createOrganizer();
		const headers = { authorization: `Bearer ${leaving.token}` };
		expect((await request.post('/api/pledges', { headers, data: pledge(uniqueTitle('before removal')) })).status()).toBe(201);
		expect(organizersCommand(['list'])).toContain(leaving.email);
		organizersCommand(['remove', leaving.email]);
		expect(organizersCommand(['list'])).not.toContain(leaving.email);
		const title = uniqueTitle('after removal');
		expect((await request.post('/api/pledges', { headers, data: pledge(title) })).status()).toBe(401);
		await expectNotStored(request, title);
	});

	test('failed sign-ins are rate-limited', async ({ request, baseURL }) => {
		const target = createOrganizer();
		const statuses = [];
		for (let i = 0; i < 6; i++) {
			const response = await request.post('/organizers?/signIn', {
				headers: { origin: baseURL!, accept: 'text/html' },
				form: { email: target.email, password: 'wrong-password' },
				maxRedirects: 0
			});
			statuses.push(response.status());
		}
		expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
		const rightButBlocked = await request.post('/organizers?/signIn', {
			headers: { origin: baseURL!, accept: 'text/html' },
			form: { email: target.email, password: target.password },
			maxRedirects: 0
		});
		expect(rightButBlocked.status()).toBe(429);
	});
});

test.describe('bad input gets a 4xx with a message and stores nothing', BOTH_ENGINES, () => {
	test('broken JSON', async ({ request }) => {
		const title = uniqueTitle('broken json');
		const response = await request.post('/api/pledges', {
			headers: { ...auth, 'content-type': 'application/json' },
			data: Buffer.from(`{"government": "Kampala", "country": "UG", "title": "${title}"`)
		});
		expect(response.status()).toBe(400);
		expect((await response.json()).message).toMatch(/JSON/);
		await expectNotStored(request, title);
	});

	test('wrong types, with field messages in the requested language', async ({ request }) => {
		const title = uniqueTitle('wrong types');
		const response = await request.post('/api/pledges', {
			headers: { ...auth, 'accept-language': 'fr-CA,fr;q=0.9' },
			data: { government: 42, country: ['UG'], title, compacts: 'GCM', url: true }
		});
		expect(response.status()).toBe(400);
		const body = await response.json();
		expect(body.message).toBe(t.fr('pledges:errors.summary'));
		expect(Object.keys(body.fields).sort()).toEqual(['compacts', 'country', 'government', 'url']);
		expect(body.fields.government).toBe(t.fr('pledges:errors.type'));
		await expectNotStored(request, title);
	});

	test('a body that is not an object', async ({ request }) => {
		const response = await request.post('/api/pledges', { headers: { ...auth, 'content-type': 'application/json' }, data: Buffer.from('[1, 2]') });
		expect(response.status()).toBe(400);
		expect((await response.json()).fields).toHaveProperty('body');
	});

	test('a 2 MB body is refused with 413', async ({ request }) => {
		const title = uniqueTitle('huge');
		const data = JSON.stringify({ ...pledge(title), description: 'x'.repeat(2 * 1024 * 1024) });
		const response = await request.post('/api/pledges', { headers: { ...auth, 'content-type': 'application/json' }, data });
		expect(response.status()).toBe(413);
		expect((await response.json()).message).toMatch(/bytes/);
		await expectNotStored(request, title);
	});

	test('a javascript: URL', async ({ request }) => {
		const title = uniqueTitle('javascript url');
		const response = await request.post('/api/pledges', { headers: auth, data: { ...pledge(title), url: 'javascript:alert(document.cookie)' } });
		expect(response.status()).toBe(400);
		expect((await response.json()).fields.url).toMatch(/http/);
		await expectNotStored(request, title);
	});

	test('markup in every text field', async ({ request }) => {
		const marker = uniqueTitle('markup');
		const response = await request.post('/api/pledges', {
			headers: auth,
			data: {
				government: '<b>Kampala</b>',
				country: '<UG>',
				title: `<script>alert(1)</script>${marker}`,
				description: '<img src=x onerror=alert(1)>',
				compacts: ['<GCM>'],
				url: 'https://example.org/"><svg onload=alert(1)>'
			}
		});
		expect(response.status()).toBe(400);
		const body = await response.json();
		expect(Object.keys(body.fields).sort()).toEqual(['compacts', 'country', 'description', 'government', 'title', 'url']);
		expect(body.fields.title).toBe(t.en('pledges:errors.markup'));
		expect((await storedTitles(request)).some((stored) => stored.includes(marker))).toBe(false);
	});
});

test.describe('bodies the API does not take get JSON errors', BOTH_ENGINES, () => {
	test('a chunked body over 64 KB: 413 in JSON, not a dropped connection', async ({ baseURL }) => {
		const title = uniqueTitle('chunked huge');
		const body = JSON.stringify({ ...pledge(title), description: 'x'.repeat(100 * 1024) });
		// This project's server (SQLite, or PostgreSQL for the `postgres` project).
		const answer = await rawRequest(Number(new URL(baseURL!).port), '/api/pledges', {
			method: 'POST',
			headers: { ...auth, 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
			body
		});
		expect(answer.status).toBe(413);
		expect(answer.headers['content-type']).toContain('application/json');
		expect(JSON.parse(answer.body)).toMatchObject({ error: 'too-large' });
	});

	for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
		test(`a ${type.split(';')[0]} body: 415 in JSON, from any origin or none`, async ({ request }) => {
			for (const origin of [undefined, 'https://elsewhere.example']) {
				const response = await request.post('/api/pledges', {
					headers: { ...auth, 'content-type': type, 'accept-language': 'fr', ...(origin ? { origin } : {}) },
					data: Buffer.from('government=x')
				});
				expect(response.status()).toBe(415);
				expect(await response.json()).toEqual({ error: 'unsupported-media-type', message: expect.stringContaining('JSON') });
			}
		});
	}

	test('bytes that are not UTF-8: 400, not silently replaced', async ({ request }) => {
		const title = uniqueTitle('bad bytes');
		const data = Buffer.concat([Buffer.from(`{"government": "Kampala", "country": "UG", "title": "${title} `), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
		const response = await request.post('/api/pledges', { headers: { ...auth, 'content-type': 'application/json' }, data });
		expect(response.status()).toBe(400);
		expect(await response.json()).toMatchObject({ error: 'invalid-encoding' });
		expect((await storedTitles(request)).some((stored) => stored.startsWith(title))).toBe(false);
	});

	test('required fields of invisible characters only, and lone surrogates, are refused field by field', async ({ request }) => {
		const title = uniqueTitle('invisible');
		const response = await request.post('/api/pledges', {
			headers: { ...auth, 'content-type': 'application/json' },
			// Written as JSON escapes: a lone surrogate cannot travel as UTF-8, but JSON can carry it.
			data: Buffer.from(`{"government": "\\u3164\\u200B", "country": "UG", "title": "${title} \\ud800", "description": "\\u2060"}`)
		});
		expect(response.status()).toBe(400);
		const body = await response.json();
		expect(body.fields.government).toBe(t.en('pledges:errors.required'));
		expect(body.fields.title).toBe(t.en('pledges:errors.encoding'));
		await expectNotStored(request, title);
	});
});

test.describe('Idempotency-Key', BOTH_ENGINES, () => {
	test('a retry with the same Idempotency-Key stores one pledge and gets the same answer', async ({ request }) => {
		const title = uniqueTitle('idempotent');
		const headers = { ...auth, 'idempotency-key': `key-${randomUUID()}` };
		const first = await request.post('/api/pledges', { headers, data: pledge(title) });
		const retry = await request.post('/api/pledges', { headers, data: pledge(title) });
		expect(first.status()).toBe(201);
		expect(retry.status()).toBe(201);
		expect(retry.headers()['idempotent-replayed']).toBe('true');
		expect(await retry.json()).toEqual(await first.json());
		expect((await storedTitles(request)).filter((stored) => stored === title)).toHaveLength(1);
	});

	test('concurrent retries with one key store one pledge', async ({ request }) => {
		const title = uniqueTitle('concurrent idempotent');
		const headers = { ...auth, 'idempotency-key': `key-${randomUUID()}` };
		const responses = await Promise.all(Array.from({ length: 8 }, () => request.post('/api/pledges', { headers, data: pledge(title) })));
		const ids = new Set(await Promise.all(responses.map(async (r) => (await r.json()).id)));
		expect(responses.map((r) => r.status())).toEqual(Array(8).fill(201));
		expect(ids.size).toBe(1);
		expect((await storedTitles(request)).filter((stored) => stored === title)).toHaveLength(1);
	});

	test('the same key with a different pledge is refused', async ({ request }) => {
		const key = `key-${randomUUID()}`;
		const title = uniqueTitle('other body');
		expect((await request.post('/api/pledges', { headers: { ...auth, 'idempotency-key': key }, data: pledge(uniqueTitle('one')) })).status()).toBe(201);
		const reused = await request.post('/api/pledges', { headers: { ...auth, 'idempotency-key': key }, data: pledge(title) });
		expect(reused.status()).toBe(422);
		await expectNotStored(request, title);
	});
});

test('/healthz answers when the store does', BOTH_ENGINES, async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.status()).toBe(200);
	expect(await response.text()).toBe('ok\n');
});
