import { randomUUID } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { openStore } from '../src/lib/server/store/open';
import { BOTH_ENGINES, testDatabaseUrl } from './support/engine';
import { sharedOrganizer } from './support/organizers';
import { rawGet } from './support/raw-get';
import { ownServer } from './support/server-process';

// The list page and each pledge's pages are served from what was rendered for the ledger's version
// (src/lib/server/pledges/served-pages.ts, ledger-served.ts).
// Runs on both engines (the `postgres` project), with a second instance on the same store beside the suite's server.
test.describe.configure({ mode: 'serial' });

// The suite's server answers kept pages on Node's request (src/lib/server/pledges/kept-on-node.ts); the second
// one only through the route (KEPT_ON_NODE=0), as `vite dev` and `vite preview` do: every test here meets both ways.
let second: Awaited<ReturnType<typeof ownServer>>;
let token: string;
const METRICS_TOKEN = 'kept-answers-metrics';

test.beforeAll(async () => {
	// ADDRESS_HEADER: a test may give its requests an address of their own (their own share of kept pages); the
	// others share one, as they shared the socket's.
	second = await ownServer(testDatabaseUrl(), { env: { KEPT_ON_NODE: '0', METRICS_TOKEN, ADDRESS_HEADER: 'x-test-client' } });
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

/** Two answers of a kept page: neither names a nonce (which a kept page would give every visitor), both allow inline code by hash. */
async function expectNoNonce(url: string): Promise<void> {
	for (const policy of await Promise.all([1, 2].map(async () => (await fetch(url)).headers.get('content-security-policy') ?? ''))) {
		expect(policy).not.toContain("'nonce-");
		expect(policy).toMatch(/style-src [^;]*'sha256-/);
		expect(policy).not.toContain('unsafe-inline');
	}
}

test("a page's data alone (SvelteKit's `__data.json`) is no address of the site, and never takes the kept page's place", BOTH_ENGINES, async ({ baseURL }) => {
	const id = await addPledge(baseURL!, `Data asked first ${randomUUID().slice(0, 8)}`);
	// Addresses no other test asks for, so that the data is asked before any rendering of them.
	for (const [path, query] of [['/en/pledges', `?q=${randomUUID()}`], [`/en/pledges/${id}`, ''], [`/fr/embed/pledges/${id}`, '']]) {
		for (const origin of [baseURL!, second.origin]) {
			const data = await fetch(`${origin}${path}/__data.json${query}`);
			expect(data.status, `${origin}${path}/__data.json`).toBe(404);
			expect(data.headers.get('content-type')).toMatch(/^application\/json/);
			const page = await fetch(`${origin}${path}${query}`);
			expect(page.status).toBe(200);
			expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		}
	}
});

test('a browser revalidating the list gets 304 until the ledger changes, then the new list', BOTH_ENGINES, async ({ baseURL }) => {
	const first = await fetch(`${baseURL}/en/pledges`);
	expect(first.status).toBe(200);
	const etag = first.headers.get('etag');
	expect(etag).toBeTruthy();
	expect((await fetch(`${baseURL}/en/pledges`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
	// No two answers share a nonce: the kept page carries none, its inline styles and scripts allowed by their hashes.
	await expectNoNonce(`${baseURL}/en/pledges`);
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

test('a pledge’s page answers 304 to its ETag, and shares no nonce with another answer', BOTH_ENGINES, async ({ baseURL }) => {
	const id = await addPledge(baseURL!, `Served page ${randomUUID().slice(0, 8)}`);
	const url = `${baseURL}/en/pledges/${id}`;
	// Other suites change the ledger meanwhile: a new version has a new ETag, so revalidate until one holds.
	await expect
		.poll(async () => {
			const etag = (await fetch(url)).headers.get('etag');
			return (await fetch(url, { headers: { 'if-none-match': etag ?? '' } })).status;
		})
		.toBe(304);
	await expectNoNonce(url);
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

/** The kept list in one coding, raw, with the version and page its tag names (the coding's suffix removed). */
async function listIn(baseURL: string, acceptEncoding?: string) {
	const { response, body } = await rawGet(`${baseURL}/en/pledges`, acceptEncoding ? { 'accept-encoding': acceptEncoding } : {});
	const etag = String(response.headers.etag);
	return { response, body, page: etag.replace(/-(gzip|br)"$/, '"') };
}

test('the kept list is sent compressed as kept: gzip and brotli decode to the plain page, each with Vary and a tag of its own', async ({ baseURL }) => {
	// Other suites change the ledger meanwhile: read the three codings until they show one version, kept. The suite's
	// requests share one address, which adds at most 30 pages a minute to the kept ones (ledger-served.ts); past that its
	// pages are rendered for each request alone, under the plain tag, until the minute is over: room for that minute.
	test.setTimeout(150_000);
	let answers: Awaited<ReturnType<typeof listIn>>[] = [];
	await expect
		.poll(
			async () => {
				answers = [await listIn(baseURL!, 'gzip, deflate'), await listIn(baseURL!, 'gzip, deflate, br'), await listIn(baseURL!), await listIn(baseURL!, 'gzip, deflate')];
				const isKept = new Set(answers.slice(0, 3).map(({ response }) => response.headers.etag)).size === 3;
				return new Set(answers.map(({ page }) => page)).size === 1 && isKept;
			},
			{ timeout: 90_000 }
		)
		.toBe(true);
	const [zipped, brotli, plain, zippedAgain] = answers;
	expect([zipped, brotli, plain].map(({ response }) => response.headers['content-encoding'])).toEqual(['gzip', 'br', undefined]);
	for (const { response } of [zipped, brotli, plain]) expect(response.headers.vary).toMatch(/accept-encoding/i);
	expect(new Set([zipped, brotli, plain].map(({ response }) => response.headers.etag)).size).toBe(3);
	const html = plain.body.toString('utf8');
	expect(html).toContain('<svg');
	expect(gunzipSync(zipped.body).toString('utf8')).toBe(html);
	expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(html);
	// Compressed once: the same bytes to the next client.
	expect(zippedAgain.body.equals(zipped.body)).toBe(true);
	const revalidated = await rawGet(`${baseURL}/en/pledges`, { 'accept-encoding': 'gzip, deflate', 'if-none-match': String(zipped.response.headers.etag) });
	expect([revalidated.response.statusCode, revalidated.response.headers.etag]).toEqual([304, zipped.response.headers.etag]);
});

test('what the public wrote is shown as text beside the map, which the list inserts as rendered once per version', async ({ baseURL, page }) => {
	// The map and its table are inserted as markup (PledgeMap.svelte, kept-markup.ts): a pledge's own words still are not.
	// Tags are refused when a pledge is recorded (src/lib/text/plain-text.ts); what may come through must stay text:
	// `<` before a space or a digit, `&`, quotes, and entities spelled out, which would be a tag if read as HTML.
	const mark = randomUUID().slice(0, 8);
	const title = `Rents < 30 % & "quoted" <3 &lt;b id="title-${mark}"&gt;bold&lt;/b&gt;`;
	const government = `Council &amp; &lt;i id="government-${mark}"&gt; < 2`;
	const response = await fetch(`${baseURL}/api/pledges`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ government, country: 'UG', title })
	});
	expect(response.status).toBe(201);
	for (const path of ['/en/pledges', '/fr/pledges', '/en/pledges?country=UG']) {
		await page.goto(path);
		await expect(page.getByText(title).first()).toBeVisible();
		await expect(page.getByText(government).first()).toBeVisible();
		expect(await page.locator(`#title-${mark}, #government-${mark}`).count()).toBe(0);
		// The kept markup is there: the map's drawing and its table.
		await expect(page.locator('svg.world')).toHaveCount(1);
		await expect(page.locator('table.country-counts')).toHaveCount(1);
	}
});

test('a browser shows the kept list, a pledge’s page and its framed page without a policy violation', async ({ baseURL, page }) => {
	const id = await addPledge(baseURL!, `Kept under its hashes ${randomUUID().slice(0, 8)}`);
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) violations.push(message.text());
	});
	for (const path of ['/en/pledges', '/fr/pledges', `/en/pledges/${id}`, `/fr/embed/pledges/${id}`]) {
		// Twice: the first answer may be the one rendered, the second is the kept one.
		for (let time = 0; time < 2; time++) {
			const response = await page.goto(path);
			expect(response?.status(), path).toBe(200);
			await page.waitForLoadState('networkidle');
		}
	}
	expect(violations).toEqual([]);
});

/** How many kept pages a server sent without rendering, by where: on Node's request or through the route. */
async function keptAnswers(origin: string): Promise<{ node: number; route: number }> {
	const text = await (await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
	const count = (by: string) => Number(new RegExp(`^imrf_kept_answers_total\\{by="${by}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? 0);
	return { node: count('node'), route: count('route') };
}

/** The ledger's version, as the list's tag names it (`"pledges-<version>-<key>"`), read through a server's route. */
async function ledgerVersion(origin: string): Promise<string | undefined> {
	return /^"pledges-(\d+)-/.exec(String((await rawGet(`${origin}/en/pledges`, {})).response.headers.etag))?.[1];
}

test('a kept page answered on Node’s request carries the route’s status, headers and bytes; a plain one goes through the route', BOTH_ENGINES, async () => {
	// Rounds until the ledger stays still through one, while other suites change it: room on a loaded machine.
	test.setTimeout(180_000);
	// An address of each round's own (through ADDRESS_HEADER): the pages rendered earlier (in the suite, or in the rounds
	// before, each of whose versions renders them again) do not use up its share of the kept ones (30 a minute), past
	// which its pages would be rendered for it alone, never kept.
	const newClient = () => `test-${randomUUID()}`;
	const early = await ownServer(testDatabaseUrl(), { env: { METRICS_TOKEN, ADDRESS_HEADER: 'x-test-client' } });
	try {
		const id = await addPledge(second.origin, `Answered early ${randomUUID().slice(0, 8)}`);
		const paths = ['/en/pledges', '/fr/pledges?country=UG', `/en/pledges/${id}`, `/fr/embed/pledges/${id}`];
		/** Each path in each coding from one server, then revalidated with its tag: status, headers (but the date and the request's id) and bytes. */
		const answers = async (origin: string, client: string) => {
			const codings = [{ 'accept-encoding': 'gzip, deflate', 'x-test-client': client }, { 'accept-encoding': 'gzip, deflate, br', 'x-test-client': client }];
			const seen = [];
			for (const path of paths) {
				for (const headers of codings) {
					// Twice: the first may be the one rendered and kept, the second is the kept one.
					await rawGet(`${origin}${path}`, headers);
					const { response, body } = await rawGet(`${origin}${path}`, headers);
					const revalidated = await rawGet(`${origin}${path}`, { ...headers, 'if-none-match': String(response.headers.etag) });
					for (const answer of [response, revalidated.response]) {
						const { date, 'x-request-id': requestId, ...rest } = answer.headers;
						expect([date, requestId].every(Boolean)).toBe(true);
						seen.push({ path, status: answer.statusCode, headers: Object.fromEntries(Object.entries(rest).sort()), body: answer === response ? body.toString('base64') : revalidated.body.length });
					}
				}
			}
			return seen;
		};
		// Other suites change the ledger meanwhile: read both until they show one version.
		let [byNode, byRoute]: Awaited<ReturnType<typeof answers>>[] = [];
		await expect
			.poll(async () => {
				const client = newClient();
				[byNode, byRoute] = [await answers(early.origin, client), await answers(second.origin, client)];
				return JSON.stringify(byNode) === JSON.stringify(byRoute);
			}, { timeout: 60_000 })
			.toBe(true);
		expect(new Set(byNode.map(({ status }) => status))).toEqual(new Set([200, 304]));
		// Every kept answer of the first server is sent on Node's request (a page rendered meanwhile is neither), in a round
		// during which the ledger stays at one version: a change by another suite between Node's look and the route's
		// lets the route send a page kept meanwhile.
		await expect
			.poll(async () => {
				const [before, beforeRoute] = [await keptAnswers(early.origin), await keptAnswers(second.origin)];
				const versionBefore = await ledgerVersion(second.origin);
				const client = newClient();
				await Promise.all([answers(early.origin, client), answers(second.origin, client)]);
				const [after, afterRoute] = [await keptAnswers(early.origin), await keptAnswers(second.origin)];
				if (versionBefore === undefined || (await ledgerVersion(second.origin)) !== versionBefore) return 'the ledger changed: again';
				// The second server sends every one through the route.
				return [after.node > before.node, after.route - before.route, afterRoute.route > beforeRoute.route, afterRoute.node];
			}, { timeout: 60_000 })
			.toEqual([true, 0, true, 0]);
		// A client that takes no kept coding: the route (the server's compression decides its bytes).
		await expect
			.poll(async () => {
				const { node, route } = await keptAnswers(early.origin);
				const { response } = await rawGet(`${early.origin}/en/pledges`, { 'x-test-client': newClient() });
				expect([response.statusCode, response.headers['content-encoding']]).toEqual([200, undefined]);
				const after = await keptAnswers(early.origin);
				return [after.node - node, after.route - route];
			}, { timeout: 30_000 })
			.toEqual([0, 1]);
	} finally {
		await early.stop();
	}
});
