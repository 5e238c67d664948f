import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FREE_ATTEMPTS_PER_ACCOUNT } from '$lib/server/organizers/sign-in-throttle';
import { createOrganizer } from './support/organizers';
import { ownServer } from './support/server-process';
import { matching, t, whole } from './support/words';

// A server of its own behind a pretend proxy (ADDRESS_HEADER), so each test signs in from
// addresses of its own and the shared server's sign-ins are never throttled by these.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

const databaseFile = join(tmpdir(), `imrf-sign-in-${process.pid}-${Date.now()}.db`);
let server: Awaited<ReturnType<typeof ownServer>>;
let nextAddress = 1;
const newAddress = () => `203.0.113.${nextAddress++}`;

test.beforeAll(async () => {
	server = await ownServer(databaseFile, { env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } });
});
test.afterAll(async () => {
	await server?.stop();
});

interface Attempt {
	email: string;
	password: string;
	address?: string;
	cookie?: string;
	language?: string;
}

async function signIn({ email, password, address, cookie, language = 'en' }: Attempt) {
	const response = await fetch(`${server.origin}/organizers?/signIn`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: server.origin,
			accept: 'text/html',
			'accept-language': language,
			'content-type': 'application/x-www-form-urlencoded',
			...(address ? { 'x-forwarded-for': address } : {}),
			...(cookie ? { cookie } : {})
		},
		body: new URLSearchParams({ email, password })
	});
	const html = await response.text();
	return {
		status: response.status,
		retryAfter: Number(response.headers.get('retry-after') ?? 0),
		cookies: response.headers.getSetCookie(),
		alert: /role="alert"[^>]*>([^<]*)/.exec(html)?.[1] ?? ''
	};
}

const statuses = (answers: { status: number }[]) => answers.map((answer) => answer.status);

/** Settles once `count` of `promises` have settled. */
const settledCount = (promises: Promise<unknown>[], count: number) =>
	new Promise<void>((resolve) => {
		let settled = 0;
		for (const promise of promises) promise.finally(() => ++settled === count && resolve()).catch(() => {});
	});

test('40 wrong passwords in parallel for one account: at most 5 are checked, the rest wait', async () => {
	const target = createOrganizer(databaseFile);
	const address = newAddress();
	const answers = await Promise.all(Array.from({ length: 40 }, () => signIn({ email: target.email, password: 'wrong', address })));
	expect(statuses(answers).filter((status) => status === 400).length).toBeLessThanOrEqual(5);
	const refused = answers.filter((answer) => answer.status === 429);
	expect(refused.length).toBeGreaterThanOrEqual(35);
	for (const answer of refused) expect(answer.retryAfter).toBeGreaterThanOrEqual(1);
});

test('the right password among 30 parallel guesses does not slip through', async () => {
	const target = createOrganizer(databaseFile);
	const address = newAddress();
	const guesses = Array.from({ length: 29 }, () => signIn({ email: target.email, password: 'wrong', address }));
	// The right password goes out while most guesses are still in flight, but only once five have been
	// answered: which of thirty parallel requests the server reads first is up to the sockets, and a
	// right password read among the first five is rightly let in.
	const right = settledCount(guesses, FREE_ATTEMPTS_PER_ACCOUNT).then(() => signIn({ email: target.email, password: target.password, address }));
	const answers = await Promise.all([...guesses, right]);
	// Only the first five attempts, counted before hashing, are checked at all.
	expect(statuses(answers).filter((status) => status !== 429).length).toBeLessThanOrEqual(5);
	const afterwards = await signIn({ email: target.email, password: target.password, address: newAddress() });
	expect(afterwards.status).toBe(429);
	expect(afterwards.alert).toMatch(whole(matching(t.en, 'organizers:signIn.tooManyAttempts', { wait: 'in \\d+ seconds' })));
});

test('one address is throttled across accounts, and others are not', async () => {
	const address = newAddress();
	const answers = await Promise.all(
		Array.from({ length: 30 }, (_, index) => signIn({ email: `nobody-${index}-${Date.now()}@example.org`, password: 'wrong', address }))
	);
	expect(statuses(answers).filter((status) => status !== 429).length).toBeLessThanOrEqual(20);
	const other = createOrganizer(databaseFile);
	expect((await signIn({ email: other.email, password: other.password, address: newAddress() })).status).toBe(303);
});

test('past the free attempts, a refusal says how long to wait, in the visitor’s language (the wait doubles: rate-limit.spec.ts)', async () => {
	const target = createOrganizer(databaseFile);
	for (let i = 0; i < 5; i++) expect((await signIn({ email: target.email, password: 'wrong', address: newAddress() })).status).toBe(400);
	const first = await signIn({ email: target.email, password: 'wrong', address: newAddress() });
	expect(first.status).toBe(429);
	expect(first.retryAfter).toBeGreaterThan(20);
	expect(first.retryAfter).toBeLessThanOrEqual(30);
	const french = await signIn({ email: target.email, password: 'wrong', address: newAddress(), language: 'fr' });
	expect(french.alert).toMatch(whole(matching(t.fr, 'organizers:signIn.tooManyAttempts', { wait: 'dans \\d+ secondes' })));
});

test('a device that signed in before is not locked out by failures from elsewhere', async () => {
	const target = createOrganizer(databaseFile);
	const first = await signIn({ email: target.email, password: target.password, address: newAddress() });
	expect(first.status).toBe(303);
	const device = first.cookies.find((cookie) => cookie.startsWith('organizer_device='));
	expect(device).toMatch(/HttpOnly/i);
	const deviceCookie = device!.split(';')[0];
	for (let i = 0; i < 8; i++) await signIn({ email: target.email, password: 'wrong', address: newAddress() });
	expect((await signIn({ email: target.email, password: target.password, address: newAddress() })).status).toBe(429);
	expect((await signIn({ email: target.email, password: target.password, address: newAddress(), cookie: deviceCookie })).status).toBe(303);
	// A forged or borrowed device cookie is just no device cookie.
	const forged = deviceCookie.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
	expect((await signIn({ email: target.email, password: target.password, address: newAddress(), cookie: forged })).status).toBe(429);
	const other = createOrganizer(databaseFile);
	for (let i = 0; i < 6; i++) await signIn({ email: other.email, password: 'wrong', address: newAddress() });
	expect((await signIn({ email: other.email, password: other.password, address: newAddress(), cookie: deviceCookie })).status).toBe(429);
});

test('the counts are kept in the store: a restart does not forget them', async () => {
	const target = createOrganizer(databaseFile);
	for (let i = 0; i < 6; i++) await signIn({ email: target.email, password: 'wrong', address: newAddress() });
	await server.stop();
	server = await ownServer(databaseFile, { env: { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' } });
	expect((await signIn({ email: target.email, password: target.password, address: newAddress() })).status).toBe(429);
});

test('many sign-ins at once from everywhere: password checks queue, the excess is told to retry, files still answer', async () => {
	const attempts = Array.from({ length: 60 }, (_, index) => signIn({ email: `crowd-${index}-${Date.now()}@example.org`, password: 'wrong', address: newAddress() }));
	const favicon = fetch(`${server.origin}/favicon.svg`);
	const answers = await Promise.all(attempts);
	expect((await favicon).status).toBe(200);
	const busy = answers.filter((answer) => answer.status === 429);
	expect(busy.length).toBeGreaterThan(0);
	for (const answer of busy) expect(answer.retryAfter).toBeGreaterThanOrEqual(1);
	expect(busy[0].alert).toMatch(whole(matching(t.en, 'organizers:signIn.busy', { wait: 'in \\d+ seconds?' })));
	expect(statuses(answers).every((status) => status === 400 || status === 429)).toBe(true);
});

test('behind a proxy, a request without the address header gets a clear 400, not a 500', async () => {
	const target = createOrganizer(databaseFile);
	const answer = await signIn({ email: target.email, password: target.password });
	expect(answer.status).toBe(400);
	expect(answer.alert).toContain('did not come through the site’s proxy');
});
