import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { openStore } from '../src/lib/server/store/open';
import { BOTH_ENGINES, testDatabaseUrl } from './support/engine';
import { sharedOrganizer } from './support/organizers';
import { ownServer } from './support/server-process';

// The list page and each pledge's pages are served from what was rendered for the ledger's version
// (src/lib/server/pledges/served-pages.ts, ledger-served.ts).
// Runs on both engines (the `postgres` project), with a second instance on the same store beside the suite's server.
test.describe.configure({ mode: 'serial' });

let second: Awaited<ReturnType<typeof ownServer>>;
let token: string;

test.beforeAll(async () => {
	second = await ownServer(testDatabaseUrl());
	token = sharedOrganizer().token;
});
test.afterAll(async () => {
	await second?.stop();
});

async function addPledge(baseURL: string, title: string): Promise<string> {
	const response = await fetch(`${baseURL}/api/pledges`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ government: 'Kampala Capital City Authority', country: 'UG', title })
	});
	expect(response.status).toBe(201);
	return ((await response.json()) as { id: string }).id;
}

/** Withdraws the pledge through the store itself, as a third instance would. */
async function withdrawThroughStore(id: string): Promise<void> {
	const store = await openStore(testDatabaseUrl());
	try {
		const { organizer } = await store.organizers.add(`withdrawer-${randomUUID()}@example.org`);
		expect(await store.withdraw(id, { id: organizer.id, email: organizer.email })).toBe(true);
	} finally {
		await store.close();
	}
}

test('a browser revalidating the list gets 304 until the ledger changes, then the new list', BOTH_ENGINES, async ({ baseURL }) => {
	const first = await fetch(`${baseURL}/en/pledges`);
	expect(first.status).toBe(200);
	const etag = first.headers.get('etag');
	expect(etag).toBeTruthy();
	expect((await fetch(`${baseURL}/en/pledges`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
	// Each answer has a nonce of its own, though the page is the one kept.
	const nonces = await Promise.all([1, 2].map(async () => /'nonce-([^']+)'/.exec((await fetch(`${baseURL}/en/pledges`)).headers.get('content-security-policy') ?? '')?.[1]));
	expect(nonces[0]).not.toBe(nonces[1]);
	const title = `Served list ${randomUUID().slice(0, 8)}`;
	await addPledge(baseURL!, title);
	const changed = await fetch(`${baseURL}/en/pledges`, { headers: { 'if-none-match': etag! } });
	expect(changed.status).toBe(200);
	expect(await changed.text()).toContain(title);
});

test('a withdrawn pledge is on no list, on either instance, once its page answers 410', BOTH_ENGINES, async ({ baseURL }) => {
	const title = `Withdrawn from the list ${randomUUID().slice(0, 8)}`;
	const id = await addPledge(baseURL!, title);
	const origins = [baseURL!, second.origin];
	const lists = (origin: string) => [`${origin}/en/pledges`, `${origin}/fr/pledges`, `${origin}/en/pledges?country=UG`, `${origin}/en/pledges?q=${encodeURIComponent(title)}`];
	// Both instances render and keep every one of these lists with the pledge on it (its link: a search's field holds its title).
	for (const origin of origins) for (const url of lists(origin)) expect(await (await fetch(url)).text(), url).toContain(`/pledges/${id}"`);
	await withdrawThroughStore(id);
	for (const origin of origins) {
		expect((await fetch(`${origin}/en/pledges/${id}`)).status).toBe(410);
		for (const url of lists(origin)) expect(await (await fetch(url)).text(), url).not.toContain(`/pledges/${id}"`);
	}
});

test('a pledge’s page answers 304 to its ETag, with a nonce of its own each time it is sent', BOTH_ENGINES, async ({ baseURL }) => {
	const id = await addPledge(baseURL!, `Served page ${randomUUID().slice(0, 8)}`);
	const url = `${baseURL}/en/pledges/${id}`;
	// Other suites change the ledger meanwhile: a new version has a new ETag, so revalidate until one holds.
	await expect
		.poll(async () => {
			const etag = (await fetch(url)).headers.get('etag');
			return (await fetch(url, { headers: { 'if-none-match': etag ?? '' } })).status;
		})
		.toBe(304);
	const nonces = await Promise.all([1, 2].map(async () => /'nonce-([^']+)'/.exec((await fetch(url)).headers.get('content-security-policy') ?? '')?.[1]));
	expect(nonces[0]).not.toBe(nonces[1]);
});

test('a withdrawn pledge’s page, framed page and card answer 410 at once on either instance, though both had kept them', BOTH_ENGINES, async ({ baseURL }) => {
	const title = `Withdrawn page ${randomUUID().slice(0, 8)}`;
	const id = await addPledge(baseURL!, title);
	const origins = [baseURL!, second.origin];
	const addresses = (origin: string) => [`${origin}/en/pledges/${id}`, `${origin}/fr/pledges/${id}`, `${origin}/en/embed/pledges/${id}`, `${origin}/og/pledges/${id}/fr.png`];
	// Each instance renders and keeps each of them (asked twice: the second is the kept one).
	for (const origin of origins) for (const url of [...addresses(origin), ...addresses(origin)]) expect((await fetch(url)).status, url).toBe(200);
	expect(await (await fetch(`${second.origin}/en/pledges/${id}`)).text()).toContain(title);
	await withdrawThroughStore(id);
	for (const origin of origins) {
		for (const url of addresses(origin)) {
			const response = await fetch(url);
			expect(response.status, url).toBe(410);
			expect(await response.text(), url).not.toContain(title);
		}
	}
});

test('an unknown pledge is 404 each time it is asked, on either instance', BOTH_ENGINES, async ({ baseURL }) => {
	for (const origin of [baseURL!, second.origin]) {
		for (const path of ['/en/pledges/00000000-0000-4000-8000-000000000000', '/og/pledges/00000000-0000-4000-8000-000000000000/en.png', '/en/pledges/not-a-pledge']) {
			for (let time = 0; time < 2; time++) expect((await fetch(`${origin}${path}`)).status, path).toBe(404);
		}
	}
});
