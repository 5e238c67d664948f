import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { event } from '$lib/event/event';
import { scrollToDeferredIslands } from './support/islands';
import { createOrganizerToken, recordPledge } from './support/organizer-token';
import { MINUTE, MOMENTS, segment, shifted } from './support/instants';
import { anyCount, literally, matching, t } from './support/words';

const PAGES = ['/fr/', '/en/', '/fr/pledges', '/en/live', '/fr/screen'];

let token: string;
test.beforeAll(() => {
	token = createOrganizerToken();
});

const politeRegion = (page: Page) => page.locator('.pledge-counter [aria-live="polite"]');
// The visible figure follows every update; the live region (what `shownCount` reads) only what settled.
const visibleCount = async (page: Page) => Number(((await page.locator('.pledge-counter .number').textContent()) ?? '').replace(/\D/g, '') || NaN);
const shownCount = async (page: Page) => Number(((await politeRegion(page).textContent()) ?? '').replace(/\D+(.*)$/, '').replace(/\D/g, '') || NaN);

async function openLive(page: Page, path: string) {
	expect((await page.goto(path))?.status()).toBe(200);
	// Below the fold on /live: the counter comes to life when the visitor gets to it.
	await scrollToDeferredIslands(page);
	await expect(page.locator('.pledge-counter')).toHaveAttribute('data-status', 'live');
	await expect(politeRegion(page)).not.toBeEmpty();
}

for (const path of PAGES) {
	test(`${path} shows a new pledge within 3 s, without reload`, async ({ page, baseURL }) => {
		await openLive(page, path);
		const before = await visibleCount(page);
		await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
		const title = `E2E ${path} ${Date.now()}`;
		await recordPledge(baseURL!, token, title);
		await expect.poll(() => visibleCount(page), { timeout: 3_000 }).toBeGreaterThan(before);
		await expect(page.locator('.pledge-counter .latest')).toContainText(title, { timeout: 3_000 });
		// Screen readers hear it once the change has settled.
		await expect.poll(() => shownCount(page)).toBeGreaterThan(before);
		expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
	});
}

test('the newest pledges the server rendered stay in place when the stream takes over: only a new one comes in', async ({ page, baseURL }) => {
	await recordPledge(baseURL!, token, `E2E shown first ${Date.now()}`);
	// Every item the page came with, and any of them put back into the list later (which replays its arrival).
	await page.addInitScript(() => {
		document.addEventListener('DOMContentLoaded', () => {
			const list = document.querySelector('.pledge-counter .latest');
			const first = new Set(list ? [...list.children] : []);
			const moved: string[] = [];
			Object.assign(window, { firstItems: first.size, movedItems: moved });
			if (list) new MutationObserver((records) => records.forEach((record) => record.addedNodes.forEach((node) => first.has(node as Element) && moved.push((node as HTMLElement).dataset.id ?? '')))).observe(list, { childList: true });
		});
	});
	await openLive(page, '/en/pledges');
	expect(await page.evaluate(() => (window as unknown as { firstItems: number }).firstItems)).toBeGreaterThan(0);
	const title = `E2E comes in ${Date.now()}`;
	await recordPledge(baseURL!, token, title);
	await expect(page.locator('.pledge-counter .latest')).toContainText(title);
	expect(await page.evaluate(() => (window as unknown as { movedItems: string[] }).movedItems)).toEqual([]);
});

test('the count sits in a polite live region that announces a burst of pledges once', async ({ page, baseURL }) => {
	// The page's timers run on a clock the test holds, so the burst is a burst however slowly this machine
	// (or another worker's pledges) makes the updates arrive.
	await page.clock.install();
	await openLive(page, '/en/');
	await expect(politeRegion(page)).toHaveAttribute('aria-atomic', 'true');
	await page.evaluate(() => {
		const region = document.querySelector('.pledge-counter [aria-live="polite"]')!;
		const w = window as unknown as { announcements: string[] };
		w.announcements = [];
		new MutationObserver(() => w.announcements.push(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
	});
	await page.clock.pauseAt(Date.now() + 60_000);
	const before = await shownCount(page);
	for (let i = 1; i <= 4; i += 1) {
		await recordPledge(baseURL!, token, `Burst ${i} ${Date.now()}`);
		await expect.poll(() => visibleCount(page), { timeout: 3_000 }).toBeGreaterThanOrEqual(before + i);
		// Less than the announcement delay between pledges: still one burst.
		await page.clock.runFor(500);
	}
	expect(await page.evaluate(() => (window as unknown as { announcements: string[] }).announcements)).toEqual([]);
	await page.clock.runFor(1_000);
	const announcements = await page.evaluate(() => (window as unknown as { announcements: string[] }).announcements);
	expect(new Set(announcements).size).toBe(1);
	expect(announcements[0]).toMatch(new RegExp(literally(t.en('stream:counter.unit', { count: 2 }))));
	expect(Number(announcements[0].replace(/\D/g, ''))).toBeGreaterThanOrEqual(before + 4);
});

test.describe('with reduced motion', () => {
	test.use({ reducedMotion: 'reduce' });

	test('the count changes without animation', async ({ page, baseURL }) => {
		await openLive(page, '/en/screen');
		const before = await shownCount(page);
		await recordPledge(baseURL!, token, `Reduced motion ${Date.now()}`);
		await expect.poll(() => shownCount(page), { timeout: 3_000 }).toBeGreaterThan(before);
		const animation = await page.locator('.pledge-counter .number').evaluate((element) => getComputedStyle(element).animationName);
		expect(animation).toBe('none');
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the room screen shows the current count, the hashtags and a QR code', async ({ page, baseURL }) => {
		const count = ((await (await fetch(`${baseURL}/api/pledges?limit=1`)).json()) as { count: number }).count;
		await page.goto('/fr/screen');
		await expect(politeRegion(page)).toContainText(anyCount(t.fr, 'stream:counter.unit'));
		expect(await shownCount(page)).toBeGreaterThanOrEqual(count);
		for (const tag of event.hashtags) await expect(page.locator('.hashtags')).toContainText(`#${tag}`);
		await expect(page.getByRole('img', { name: matching(t.fr, 'stream:screen.qrLabel', { url: 'https?://.+/fr/' }) })).toBeVisible();
	});

	test('the pledges list shows the count as the server rendered it', async ({ page, baseURL }) => {
		const count = ((await (await fetch(`${baseURL}/api/pledges?limit=1`)).json()) as { count: number }).count;
		await page.goto('/en/pledges');
		expect(await shownCount(page)).toBeGreaterThanOrEqual(count);
		await expect(politeRegion(page)).toContainText(anyCount(t.en, 'stream:counter.unit'));
	});

	test('prerendered pages show no stale count and link to the pledges list', async ({ page }) => {
		for (const path of ['/en/', '/en/live']) {
			await page.goto(path);
			await expect(page.locator('#pledges .pledge-counter .number')).toHaveCount(0);
			await expect(page.locator('#pledges a[href="/en/pledges"]')).toBeVisible();
		}
	});
});

for (const path of ['/en/screen', '/fr/screen']) {
	test(`axe finds nothing on ${path}`, async ({ page }) => {
		await page.goto(path);
		await expect(page.locator('.pledge-counter')).toHaveAttribute('data-status', 'live');
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});
}

test('when the stream cannot be reached, the counter says it is reconnecting, then polls and still updates', async ({ page, baseURL }) => {
	test.setTimeout(60_000);
	await page.route('**/api/pledges/stream', (route) => route.abort('connectionrefused'));
	await page.goto('/en/live');
	await scrollToDeferredIslands(page);
	const counter = page.locator('.pledge-counter');
	await expect(counter.locator('.status')).toHaveText(t.en('stream:counter.status.reconnecting'), { timeout: 15_000 });
	await expect(counter).toHaveAttribute('data-status', 'polling', { timeout: 30_000 });
	await expect(politeRegion(page)).not.toBeEmpty();
	const before = await shownCount(page);
	const title = `Polled ${Date.now()}`;
	await recordPledge(baseURL!, token, title);
	await expect.poll(() => shownCount(page), { timeout: 15_000 }).toBeGreaterThan(before);
	await expect(counter.locator('.latest')).toContainText(title);
});

test('the room screen shows the agenda segment on now, by the clock', async ({ page }) => {
	const duringThePanel = shifted(segment('panel').start, 5 * MINUTE);
	await page.clock.install({ time: duringThePanel });
	await page.goto('/en/screen');
	await expect(page.locator('.now-on .what')).toHaveText(t.en('event:agenda.panel'));
	await page.clock.runFor(shifted(segment('handover').start, 5 * MINUTE).getTime() - duringThePanel.getTime());
	await expect(page.locator('.now-on .what')).toHaveText(t.en('event:agenda.handover'));
});

for (const [moment, status] of [
	['tenMinutesBefore', 'live'],
	['afterTheEnd', 'current']
] as const) {
	test(`the counter's badge says "${t.en(`stream:counter.status.${status}`)}" ${moment === 'afterTheEnd' ? 'after the event, without the live dot' : 'before the event'}`, async ({ page }) => {
		await page.clock.install({ time: MOMENTS[moment] });
		await openLive(page, '/en/pledges');
		const badge = page.locator('.pledge-counter .status');
		await expect(badge).toHaveText(t.en(`stream:counter.status.${status}`));
		const dot = await badge.evaluate((element) => getComputedStyle(element, '::before').content);
		expect(dot === 'none' || dot === 'normal').toBe(status === 'current');
	});
}
