// @ts-check
// First-view weight of each public page in Chromium: bytes by kind (HTML, CSS, JS, other), as gzip
// would send them (each body gzipped at level 9, whatever the server chose), and the request count,
// each against the budget. The store holds a full first page of pledges (BENCH_WEIGHT_PLEDGES), so the
// list and its map are as heavy as the public sees them; a pledge's pages are those of the newest one.
// The service worker is blocked here: its offline copy downloads after the first view (reported
// on its own line below), so it is not part of what a visitor waits for.
// A page over the budget is listed resource by resource, the part ends with an "over budget" line and
// the process exits non-zero: a weight regression stops a script that runs the bench.
// BENCH_WEIGHT_DETAIL=1 lists every page's resources.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import languages from '../../../lib/i18n/languages.json' with { type: 'json' };
import { chromiumPath } from '../../chromium-path.js';
import { seedPledges } from '../seed.js';
import { startServer } from '../server.js';

export const name = 'page weight (first view, gzip)';

const PLEDGES = Number(process.env.BENCH_WEIGHT_PLEDGES ?? 300);
// `{pledge}`: the newest pledge's id, read from the list.
// Every public page in every language of the site (the budget holds for each).
const PATHS = [
	'/',
	'/live',
	'/live/questions',
	'/live/captions',
	'/transcript',
	'/pledges',
	'/pledges/{pledge}',
	'/embed/pledges/{pledge}',
	'/embed/counter',
	'/screen',
	'/report/sign-in'
].flatMap((path) => languages.map(({ code }) => `/${code}${path}`));
// The first view's budget (issue 12): 50 KB in all, 40 KB of it JavaScript.
const BUDGET = { total: 50 * 1024, js: 40 * 1024 };
const DETAIL = process.env.BENCH_WEIGHT_DETAIL === '1';

/** @param {string} resourceType @param {string} contentType */
function kindOf(resourceType, contentType) {
	if (resourceType === 'document') return 'html';
	if (resourceType === 'stylesheet' || contentType.includes('text/css')) return 'css';
	if (resourceType === 'script' || contentType.includes('javascript')) return 'js';
	return 'other';
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
async function firstView(browser, url) {
	const context = await browser.newContext({ serviceWorkers: 'block' });
	const page = await context.newPage();
	/** @type {import('@playwright/test').Response[]} */
	const responses = [];
	page.on('response', (response) => responses.push(response));
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForTimeout(1500);
	const totals = { html: 0, css: 0, js: 0, other: 0, requests: 0 };
	/** @type {{ path: string, kind: string, bytes: number }[]} */
	const resources = [];
	for (const response of responses) {
		const contentType = response.headers()['content-type'] ?? '';
		totals.requests++;
		// An event stream never ends: it is live data, not page weight.
		if (contentType.includes('text/event-stream')) continue;
		const body = await Promise.race([response.body().catch(() => Buffer.alloc(0)), new Promise((resolve) => setTimeout(resolve, 3000, Buffer.alloc(0)))]);
		const size = /** @type {Buffer} */ (body).length === 0 ? 0 : gzipSync(/** @type {Buffer} */ (body), { level: 9 }).length;
		const kind = kindOf(response.request().resourceType(), contentType);
		totals[kind] += size;
		resources.push({ path: new URL(response.url()).pathname, kind, bytes: size });
	}
	await context.close();
	return { totals, resources };
}

/**
 * The offline copy the service worker keeps after a first view: its entries and their bodies'
 * gzip size (measured in the page with CompressionStream). Most of it comes from the HTTP cache
 * the first view filled, so little more crosses the network.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 */
async function offlineCopy(browser, url) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(url);
	const copy = await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		let bytes = 0;
		let requests = 0;
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const request of await cache.keys()) {
				const response = await cache.match(request);
				if (!response?.body) continue;
				const gzipped = await new Response(response.body.pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
				bytes += gzipped.byteLength;
				requests++;
			}
		}
		return { bytes, requests };
	});
	await context.close();
	return copy;
}

export async function run() {
	const databaseFile = join(tmpdir(), `imrf-bench-weight-${process.pid}.db`);
	seedPledges(databaseFile, PLEDGES);
	const server = await startServer({ env: { DATABASE_URL: databaseFile } });
	const pledge = /href="\/en\/pledges\/([0-9a-f-]{36})"/.exec(await (await fetch(`${server.origin}/en/pledges`)).text())?.[1] ?? 'none';
	const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--disable-background-networking', '--no-first-run'] });
	try {
		console.log(`${'page'.padEnd(26)} HTML      CSS       JS        other     total     requests`);
		/** @type {string[]} */
		const over = [];
		/** @type {string[]} */
		const skipped = [];
		for (const path of PATHS.map((path) => path.replace('{pledge}', pledge))) {
			const shown = path.replace(pledge, '{id}');
			const status = (await fetch(`${server.origin}${path}`)).status;
			if (status !== 200) {
				console.log(`${shown.padEnd(26)} (answers ${status}: skipped)`);
				skipped.push(`${shown} (${status})`);
				continue;
			}
			const { totals: t, resources } = await firstView(browser, `${server.origin}${path}`);
			const total = t.html + t.css + t.js + t.other;
			const isWithin = total <= BUDGET.total && t.js <= BUDGET.js;
			if (!isWithin) over.push(`${shown} ${kb(total)} (JS ${kb(t.js)})`);
			console.log(
				`${shown.padEnd(26)} ${kb(t.html).padEnd(9)} ${kb(t.css).padEnd(9)} ${kb(t.js).padEnd(9)} ${kb(t.other).padEnd(9)} ${kb(total).padEnd(9)} ${String(t.requests).padEnd(4)} ${isWithin ? 'within' : 'OVER'} the budget (50 KB, JS 40 KB)`
			);
			if (DETAIL || !isWithin) {
				for (const resource of resources.sort((a, b) => b.bytes - a.bytes)) console.log(`    ${kb(resource.bytes).padStart(9)} ${resource.kind.padEnd(5)} ${resource.path.replace(pledge, '{id}')}`);
			}
		}
		// A page that could not be measured is not known to be within the budget.
		if (over.length > 0 || skipped.length > 0) {
			process.exitCode = 1;
			if (over.length > 0) console.log(`over budget (50 KB, JS 40 KB): ${over.join(', ')}`);
			if (skipped.length > 0) console.log(`not measured: ${skipped.join(', ')}`);
		} else {
			console.log(`every page within the budget (50 KB, JS 40 KB)`);
		}
		const offline = await offlineCopy(browser, `${server.origin}/en/`);
		console.log(`offline copy kept by the service worker after a first view of /en/: ${kb(offline.bytes)} gzip in ${offline.requests} files`);
	} finally {
		await browser.close();
		await server.stop();
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
	}
}
