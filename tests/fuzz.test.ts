import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { createOrganizer } from './support/organizers';
import { ownServer } from './support/server-process';

// Property-based fuzzing of every write the site takes, against the built server on a database of
// its own: whatever arrives, the answer is a 2xx/3xx or a 4xx (JSON for the API), never a 5xx; the
// server stays up; and afterwards every stored row still meets the pledge rules, checked here in the
// database itself. FUZZ_SEED replays a run (fast-check prints the seed and path of any failure).
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const databaseFile = join(tmpdir(), `imrf-fuzz-${process.pid}-${Date.now()}.db`);
let server: Awaited<ReturnType<typeof ownServer>>;
let organizer: ReturnType<typeof createOrganizer>;
let sessionCookie = '';

test.beforeAll(async () => {
	console.log(`fuzz seed: ${seed} (FUZZ_SEED=${seed} replays it)`);
	server = await ownServer(databaseFile);
	organizer = createOrganizer(databaseFile);
	const signedIn = await fetch(`${server.origin}/organizers?/signIn`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: organizer.email, password: organizer.password })
	});
	expect(signedIn.status).toBe(303);
	sessionCookie = signedIn.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
});

test.afterAll(async () => {
	await server?.stop();
});

// Text with what breaks naive code: every UTF-16 unit (lone surrogates too), markup, controls,
// bidirectional overrides, invisible characters, long runs.
const nasty = fc.oneof(
	fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)), maxLength: 40 }),
	fc.string({ unit: 'grapheme', maxLength: 60 }),
	fc.constantFrom('<script>alert(1)</script>', '<!-- x -->', 'A\u202Eb', '\u3164', '\u200B\u2060', ' ', '', 'x'.repeat(2100), 'Ville de Grigny', 'Kampala'),
	fc.string({ unit: fc.constantFrom('a', ' ', '<', '>', '&', '"', "'", '\n', '\r', '\t', '\u0000', '\u0085', '\u2028', 'é', 'e\u0301'), maxLength: 50 })
);
const anyJson = fc.oneof(nasty, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 3 }), fc.dictionary(nasty, nasty, { maxKeys: 2 }));
const country = fc.oneof(fc.constantFrom('UG', 'fr', ' BR ', 'XX', '', 'Uganda'), nasty);
const compacts = fc.oneof(fc.subarray(['GCM', 'GCR', 'GCM', 'SDG', '']), anyJson);
const url = fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', 'ftp://x', 'https://', '//x'), nasty);
const pledgeLike = fc.record(
	{ government: fc.oneof(nasty, anyJson), country: fc.oneof(country, anyJson), title: fc.oneof(nasty, anyJson), description: fc.oneof(nasty, anyJson), compacts, url },
	{ requiredKeys: [] }
);
// Near-valid pledges, so that much of what is fuzzed gets stored and checked afterwards.
const plausible = fc.record({
	government: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), nasty),
	country: fc.constantFrom('UG', 'fr', ' BR ', 'MA', 'us'),
	title: fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 120 }), nasty),
	description: fc.option(fc.string({ unit: 'grapheme', maxLength: 300 }), { nil: undefined }),
	compacts: fc.subarray(['GCM', 'GCR']),
	url: fc.option(fc.webUrl(), { nil: undefined })
});
const body = fc.oneof(
	{ weight: 4, arbitrary: plausible.map((value) => JSON.stringify(value)) },
	{ weight: 4, arbitrary: pledgeLike.map((value) => JSON.stringify(value)) },
	{ weight: 1, arbitrary: anyJson.map((value) => JSON.stringify(value) ?? '') },
	{ weight: 1, arbitrary: nasty }
);
// Now and then bytes that are not UTF-8 at all, inside otherwise plausible JSON.
const bodyBytes = fc.oneof(
	{ weight: 8, arbitrary: body.map((text) => Buffer.from(text, 'utf8')) },
	{ weight: 1, arbitrary: fc.tuple(pledgeLike, fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([value, bytes]) => Buffer.concat([Buffer.from(JSON.stringify(value).slice(0, -2)), bytes, Buffer.from('"}')])) }
);
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'APPLICATION/JSON', '');
const idempotencyKey = fc.option(fc.oneof(fc.uuid(), nasty), { nil: undefined });

test('POST /api/pledges: every answer is a JSON 201 or 4xx, never a 5xx', async () => {
	await fc.assert(
		fc.asyncProperty(bodyBytes, contentType, idempotencyKey, fc.constantFrom('en', 'fr', 'de', ''), async (bytes, type, key, language) => {
			const headers: Record<string, string> = { authorization: `Bearer ${organizer.token}`, 'accept-language': language };
			if (type) headers['content-type'] = type;
			if (key !== undefined && /^[\x20-\x7e]*$/.test(key)) headers['idempotency-key'] = key;
			const response = await fetch(`${server.origin}/api/pledges`, { method: 'POST', headers, body: bytes });
			const answer = await response.text();
			expect(response.status, answer).toBeLessThan(500);
			expect([201, 400, 413, 415, 422], answer).toContain(response.status);
			expect(response.headers.get('content-type')).toContain('application/json');
			expect(() => JSON.parse(answer)).not.toThrow();
		}),
		{ seed, numRuns: 300 }
	);
});

test('the console forms: every answer is a page or a redirect, never a 5xx', async () => {
	const form = fc.record({ government: nasty, country, title: nasty, description: nasty, url: fc.oneof(url, nasty), compacts: fc.subarray(['GCM', 'GCR', 'SDG']) });
	await fc.assert(
		fc.asyncProperty(form, fc.constantFrom('?/add', '?/withdraw', '?/restore', '/import?/preview', '/import?/import'), async (fields, action) => {
			const data = new URLSearchParams();
			for (const [name, value] of Object.entries(fields)) {
				for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
			}
			data.append('id', fields.title);
			data.append('csv', `government,country,title\n${[fields.government, fields.country, fields.title].map((cell) => `"${cell.replaceAll('"', '""')}"`).join(',')}`);
			const response = await fetch(`${server.origin}/organizers${action}`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.origin, accept: 'text/html', cookie: sessionCookie, 'content-type': 'application/x-www-form-urlencoded' },
				body: data
			});
			await response.text();
			expect([200, 303, 400, 404], `${action} → ${response.status}`).toContain(response.status);
		}),
		{ seed, numRuns: 150 }
	);
});

test('the sign-in form: every answer is a page or a redirect, never a 5xx', async () => {
	await fc.assert(
		fc.asyncProperty(nasty, nasty, async (email, password) => {
			const response = await fetch(`${server.origin}/organizers?/signIn`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ email, password })
			});
			await response.text();
			expect([400, 429]).toContain(response.status);
		}),
		{ seed, numRuns: 60 }
	);
});

test('afterwards: the server is up and every stored pledge meets the rules', async () => {
	expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
	const db = new DatabaseSync(databaseFile, { readOnly: true });
	const rows = db.prepare('SELECT government, country, title, description, compacts, url FROM pledges').all() as Record<string, string | null>[];
	db.close();
	console.log(`fuzz: ${rows.length} pledges stored, each checked`);
	expect(rows.length).toBeGreaterThan(0);
	const markup = /<\s*[/!?a-zA-Z]/;
	const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
	const visible = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}]/u;
	for (const row of rows) {
		const shown = JSON.stringify(row);
		for (const field of ['government', 'title', 'description', 'url'] as const) {
			const value = row[field];
			if (value === null) continue;
			expect(value.isWellFormed(), shown).toBe(true);
			expect(value, shown).toBe(value.normalize('NFC').trim());
			expect(markup.test(value), shown).toBe(false);
			expect(control.test(value), shown).toBe(false);
		}
		expect(visible.test(row.government!), shown).toBe(true);
		expect(visible.test(row.title!), shown).toBe(true);
		expect(row.government!.length, shown).toBeLessThanOrEqual(200);
		expect(row.title!.length, shown).toBeLessThanOrEqual(300);
		expect((row.description ?? '').length, shown).toBeLessThanOrEqual(2000);
		expect(row.country, shown).toMatch(/^[A-Z]{2}$/);
		const stored = JSON.parse(row.compacts!) as string[];
		expect(stored.every((compact) => compact === 'GCM' || compact === 'GCR'), shown).toBe(true);
		if (row.url) expect(row.url, shown).toMatch(/^https?:\/\/[^/]/);
	}
});
