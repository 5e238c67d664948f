// @ts-check
// Lighthouse scores (performance, accessibility, best practices, SEO) with its default mobile
// settings (simulated slow 4G and a mid-range phone), against the built server, in the machine's
// Chromium (CHROME_PATH, CHROMIUM_PATH or /usr/bin/chromium). Audits that lose points are listed.
// Blocking time swings with the machine's load: each page runs RUNS times (after one warm-up run)
// and the run with the median performance score is reported. Every public page the issue names, in
// each language (LIGHTHOUSE_LANGS), a pledge's page on a pledge seeded for it; LIGHTHOUSE_RUNS=1 for a quick look.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { loadavg } from 'node:os';
import { chromiumPath } from '../../chromium-path.js';
import { seedPledges } from '../seed.js';
import { startServer } from '../server.js';

export const name = 'lighthouse (mobile)';

const LANGS = (process.env.LIGHTHOUSE_LANGS ?? 'en,fr').split(',');
/**
 * Every public page after the language (issue 26): the event, live, live questions and captions, the transcript, pledges, a pledge,
 * its embed, the open data's page, the counter embed, the room's screen, the reporters' sign-in.
 */
const PAGES = ['/', '/live', '/live/questions', '/live/captions', '/transcript', '/pledges', '/pledges/{pledge}', '/embed/pledges/{pledge}', '/open-data', '/embed/counter', '/screen', '/report/sign-in'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

/** @param {string} url @param {number} port */
async function audit(url, port) {
	const result = await lighthouse(url, { port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES });
	if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
	return result.lhr;
}

/** @param {string} url @param {number} port */
async function medianRun(url, port) {
	const runs = [];
	for (let index = 0; index < RUNS; index++) runs.push(await audit(url, port));
	runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
	return { median: runs[Math.floor(runs.length / 2)], performances: runs.map((run) => Math.round((run.categories.performance?.score ?? 0) * 100)) };
}

export async function run() {
	const server = await startServer();
	seedPledges(server.databaseFile, 3);
	const { pledges } = await (await fetch(`${server.origin}/api/pledges`)).json();
	const paths = LANGS.flatMap((lang) => PAGES.map((page) => `/${lang}${page.replace('{pledge}', pledges[0]?.id ?? 'none')}`));
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH ?? chromiumPath(),
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage']
	});
	try {
		await audit(`${server.origin}/en/`, chrome.port);
		console.log(`median of ${RUNS} runs after a warm-up; load average ${loadavg().map((load) => load.toFixed(2)).join(' ')}`);
		console.log(`page        ${CATEGORIES.map((category) => category.padEnd(15)).join('')}`);
		for (const path of paths) {
			const url = `${server.origin}${path}`;
			const status = (await fetch(url)).status;
			if (status !== 200) {
				console.log(`${path.padEnd(11)} (answers ${status}: skipped)`);
				continue;
			}
			const { median, performances } = await medianRun(url, chrome.port);
			const { categories, audits } = median;
			const scores = CATEGORIES.map((category) => String(Math.round((categories[category]?.score ?? 0) * 100)).padEnd(15));
			console.log(`${path.length > 11 ? `${path}\n${''.padEnd(11)}` : path.padEnd(11)} ${scores.join('')}`);
			const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift'];
			console.log(`            ${metrics.map((id) => `${id}: ${audits[id]?.displayValue ?? '-'}`).join(', ')}`);
			console.log(`            performance in each run: ${performances.join(', ')}`);
			const lost = CATEGORIES.flatMap((category) =>
				(categories[category]?.auditRefs ?? [])
					.filter((ref) => ref.weight > 0 && audits[ref.id]?.score !== null && (audits[ref.id]?.score ?? 1) < 1)
					.map((ref) => `${category}: ${ref.id} (${audits[ref.id].score})`)
			);
			for (const line of lost) console.log(`            loses points: ${line}`);
		}
	} finally {
		chrome.kill();
		await server.stop();
	}
}
