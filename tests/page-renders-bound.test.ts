import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ownServer } from './support/server-process';
import { t } from './support/words';

// The bound on renderings of the pages kept per ledger version (src/lib/server/pledges/page-renders.ts): a
// server of its own that renders one page at a time and lets none wait, read by many at once, each request a
// search of its own (a page nobody has kept).
test.describe.configure({ mode: 'serial' });

const dir = mkdtempSync(join(tmpdir(), 'imrf-render-bound-'));
let server: Awaited<ReturnType<typeof ownServer>>;

test.beforeAll(async () => {
	server = await ownServer(join(dir, 'bound.db'), { env: { PAGE_RENDERS_AT_ONCE: '1', PAGE_RENDERS_WAITING: '0' } });
});
test.afterAll(async () => {
	await server?.stop();
	rmSync(dir, { recursive: true, force: true });
});

// First: the bursts below use up this address's share of pages it may add to the kept ones.
test('a page already kept is served past the bound: only renderings wait', async () => {
	expect((await fetch(`${server.origin}/en/pledges`)).status).toBe(200);
	const statuses = await Promise.all(Array.from({ length: 24 }, async () => (await fetch(`${server.origin}/en/pledges`)).status));
	expect(new Set(statuses)).toEqual(new Set([200]));
});

let searches = 0;
/** As many readers at once, each asking a search nobody asked before; every answer's status, headers and text. */
const burst = (readers: number) =>
	Promise.all(
		Array.from({ length: readers }, async () => {
			const response = await fetch(`${server.origin}/fr/pledges?q=recherche-${searches++}`);
			return { status: response.status, headers: response.headers, text: await response.text() };
		})
	);

test('past the bound on renderings a page is answered 503 with when to come back, in its language; the others are rendered', async () => {
	let answers: Awaited<ReturnType<typeof burst>> = [];
	// Readers who arrive while a page renders find no free turn; bursts until one did (how fast the machine renders is not the test's business).
	await expect
		.poll(async () => {
			answers = await burst(24);
			return answers.some(({ status }) => status === 503);
		})
		.toBe(true);
	expect(new Set(answers.map(({ status }) => status))).toEqual(new Set([200, 503]));
	const refused = answers.find(({ status }) => status === 503)!;
	expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
	expect(refused.headers.get('content-type')).toContain('text/html');
	expect(refused.headers.get('cache-control')).toBe('no-store');
	expect(refused.text).toContain('<html lang="fr">');
	expect(refused.text).toContain(t.fr('common:notFound.busyTitle'));
	expect(refused.text).toContain(t.fr('common:notFound.busyText'));
	// Once the crowd is gone, a page is rendered again.
	expect((await fetch(`${server.origin}/fr/pledges?q=apres-la-foule`)).status).toBe(200);
});
