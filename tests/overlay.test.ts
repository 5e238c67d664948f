import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { event } from '$lib/event/event';
import type { Speaker } from '$lib/event/types';
import { QUESTION_LIMITS } from '$lib/questions/schema';
import { MOMENTS, segment } from './support/instants';
import { validateHtml } from './support/nu-validator';
import { createOrganizer } from './support/organizers';
import { recordPledge } from './support/organizer-token';
import { questionsApi } from './support/questions';
import { ownServer } from './support/server-process';
import { exactly, t } from './support/words';

// The broadcast overlay is laid over the video by OBS's browser source at 1920×1080: measured in the
// browser (boxes, type, colours, pixels), on a server of its own, since who is speaking is one value
// for the whole site.

// A browser, axe and the Nu validator on a machine shared by many runs: room for each journey.
test.describe.configure({ mode: 'serial', timeout: 180_000 });
// Conditions waited for, never times: a loaded machine may take its time to hydrate and connect.
const expect = baseExpect.configure({ timeout: 15_000 });

const FRAME = { width: 1920, height: 1080 };
// The title-safe area: 5 % in from each edge.
const SAFE = { left: 0.05 * FRAME.width, top: 0.05 * FRAME.height, right: 0.95 * FRAME.width, bottom: 0.95 * FRAME.height };
const PARTS = ['speaker', 'count', 'question'] as const;

const databaseFile = join(tmpdir(), `imrf-overlay-${process.pid}-${Date.now()}.db`);
let server: Awaited<ReturnType<typeof ownServer>>;
let organizer: ReturnType<typeof createOrganizer>;
let question: string;

// The panel's moderator and a panellist: a speaker with a moderator's badge and one without.
const panel = segment('panel');
const speakerOf = (id: string) => event.speakers.find((speaker) => speaker.id === id)!;
const moderator = speakerOf(panel.speakers.find((entry) => entry.isModerator)!.speaker);
const panellist = speakerOf(panel.speakers.find((entry) => !entry.isModerator)!.speaker);
const nameOf = (speaker: Speaker, lang: 'en' | 'fr') => `${t[lang](`event:speakers.honorific.${speaker.honorific}`)} ${speaker.name}`;

const putSpeaking = (body: unknown, token = organizer.token) =>
	fetch(`${server.origin}/api/speaking`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

test.beforeAll(async () => {
	server = await ownServer(databaseFile);
	organizer = createOrganizer(databaseFile);
	await recordPledge(server.origin, organizer.token, 'Overlay pledge');
	// The longest question the site takes, made of the site's own words, on screen.
	const api = questionsApi(server.origin, organizer.token);
	await api.setOpen(true);
	question = `${t.en('event:description')} `.repeat(10).slice(0, QUESTION_LIMITS.text - 1).trimEnd() + '?';
	const asked = await fetch(`${server.origin}/api/questions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: question, lang: 'en', name: moderator.name }) });
	const { id } = (await asked.json()) as { id: string };
	await api.moderate(id, { status: 'approved' });
	await api.moderate(id, { onScreen: true });
});

test.afterAll(async () => {
	await server?.stop();
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
});

/** Opens the overlay as OBS does, at the frame's size, with the page's clock at `at`, once its island has taken over. */
async function openOverlay(page: Page, path: string, at = MOMENTS.duringThePanel): Promise<void> {
	await page.clock.setFixedTime(at);
	await page.setViewportSize(FRAME);
	await page.goto(`${server.origin}${path}`);
	await expect(page.locator('[data-island="BroadcastOverlay"][data-hydrated]')).toHaveCount(1);
}

/** WCAG's contrast ratio of two `rgb(…)`/`rgba(…)` colours. */
function contrast(a: string, b: string): number {
	const luminance = (color: string) => {
		const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
			const channel = Number(value) / 255;
			return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (light + 0.05) / (dark + 0.05);
}

/** Every element of a box that draws text: its font size, its colour, and the colour of the backing it sits on. */
function textsOf(box: Locator) {
	return box.evaluate((root) =>
		[root, ...root.querySelectorAll('*')]
			.filter((element) => [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== ''))
			.filter((element) => element.getClientRects().length > 0 && !element.closest('.visually-hidden'))
			.map((element) => {
				let backing: Element | null = element;
				while (backing && getComputedStyle(backing).backgroundColor === 'rgba(0, 0, 0, 0)') backing = backing.parentElement;
				const style = getComputedStyle(element);
				return { text: element.textContent!.trim().slice(0, 30), fontSize: parseFloat(style.fontSize), color: style.color, backing: backing ? getComputedStyle(backing).backgroundColor : 'none' };
			})
	);
}

type Box = { x: number; y: number; width: number; height: number };

/** Each box inside the 5 % title-safe area; their boxes, rounded. */
async function expectInsideSafeArea(page: Page): Promise<Record<string, Box>> {
	const boxes: Record<string, Box> = {};
	for (const name of PARTS) {
		const box = (await page.locator(`[data-part="${name}"]`).boundingBox())!;
		boxes[name] = { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
		expect(box.x, name).toBeGreaterThanOrEqual(SAFE.left - 0.5);
		expect(box.y, name).toBeGreaterThanOrEqual(SAFE.top - 0.5);
		expect(box.x + box.width, name).toBeLessThanOrEqual(SAFE.right + 0.5);
		expect(box.y + box.height, name).toBeLessThanOrEqual(SAFE.bottom + 0.5);
	}
	return boxes;
}

/**
 * Legible on video: solid backings, text at 4.5:1 or more against them, type of at least 2.2 % of the
 * frame's height (24 px at 1080). What was measured, for the log.
 */
async function expectLegible(page: Page): Promise<string[]> {
	const measured: string[] = [];
	for (const name of PARTS) {
		for (const text of await textsOf(page.locator(`[data-part="${name}"]`))) {
			expect(text.backing, `${name}: ${text.text}`).toMatch(/^rgb\(/);
			const ratio = contrast(text.color, text.backing);
			expect(ratio, `${name}: ${text.text}`).toBeGreaterThanOrEqual(4.5);
			expect(text.fontSize, `${name}: ${text.text}`).toBeGreaterThanOrEqual(0.022 * FRAME.height);
			measured.push(`${name} "${text.text}" ${text.fontSize}px ${ratio.toFixed(1)}:1`);
		}
	}
	return measured;
}

for (const lang of ['en', 'fr'] as const) {
	test(`${lang}: a transparent 1920×1080 page, the speaker, count and question inside the title-safe area, legible, without scrolling`, async ({ page }) => {
		expect((await putSpeaking({ speakerId: moderator.id })).status).toBe(200);
		await openOverlay(page, `/${lang}/overlay`);
		const part = (name: string) => page.locator(`[data-part="${name}"]`);

		// What is on air: the picked speaker (moderating the segment on now), the segment, the count, the question.
		await expect(part('speaker').locator('.name')).toHaveText(exactly(nameOf(moderator, lang)));
		await expect(part('speaker')).toContainText(t[lang]('event:speakers.moderator'));
		await expect(part('speaker').locator('.segment')).toContainText(t[lang](`event:agenda.${panel.id}`));
		await expect(part('count').locator('.number')).toHaveText('1');
		await expect(part('count').locator('.unit')).toHaveText(exactly(t[lang]('stream:counter.unit', { count: 1 })));
		await expect(part('question').locator('.question-text')).toHaveText(question);

		// Nothing but the boxes: no header, navigation or footer, and a transparent page under them.
		await expect(page.locator('nav, header, footer:not(blockquote footer), .site-header, .site-footer')).toHaveCount(0);
		const backgrounds = await page.evaluate(() =>
			['html', 'body', '.app-root', 'main', '[data-island]', '.layout'].map((selector) => getComputedStyle(document.querySelector(selector)!).backgroundColor)
		);
		expect(backgrounds.every((color) => color === 'rgba(0, 0, 0, 0)' || color === 'transparent'), backgrounds.join(' ')).toBe(true);

		// The whole frame and nothing beyond it.
		const scroll = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
		expect(scroll).toEqual(FRAME);

		const boxes = await expectInsideSafeArea(page);
		const measured = await expectLegible(page);
		const nameSize = await part('speaker').locator('.name').evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
		expect(nameSize).toBeGreaterThanOrEqual(0.04 * FRAME.height);

		// What OBS composites: outside the boxes, every pixel of the page is see-through.
		const png = await page.screenshot({ omitBackground: true });
		const corners = await page.evaluate(async (data) => {
			const image = new Image();
			image.src = `data:image/png;base64,${data}`;
			await image.decode();
			const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
			const context = canvas.getContext('2d')!;
			context.drawImage(image, 0, 0);
			const alpha = (x: number, y: number) => context.getImageData(x, y, 1, 1).data[3];
			const [w, h] = [image.width - 1, image.height - 1];
			return { size: [image.width, image.height], alphas: [alpha(0, 0), alpha(w, 0), alpha(0, h), alpha(w, h), alpha(Math.round(w / 2), Math.round(h / 2))] };
		}, png.toString('base64'));
		expect(corners.size).toEqual([FRAME.width, FRAME.height]);
		expect(corners.alphas).toEqual([0, 0, 0, 0, 0]);
		console.log(`${lang} overlay boxes ${JSON.stringify(boxes)}; name ${nameSize}px; ${measured.join('; ')}`);
	});
}

test('a 280-character question with a 280-character translation: both whole, original first, inside the title-safe area, clear of the count and the lower third', async ({ page }) => {
	expect((await putSpeaking({ speakerId: moderator.id })).status).toBe(200);
	// The longest question and the longest translation the site takes, each in its own language's words.
	const long = (lang: 'en' | 'fr', mark = '') => `${mark}${t[lang]('event:description')} `.repeat(10).slice(0, QUESTION_LIMITS.text - 1).trimEnd() + '?';
	const [original, translation] = [long('fr', 'Traduite '), long('en')];
	const api = questionsApi(server.origin, organizer.token);
	const asked = await fetch(`${server.origin}/api/questions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: original, lang: 'fr', name: moderator.name }) });
	const { id } = (await asked.json()) as { id: string };
	await api.moderate(id, { status: 'approved', translations: { en: translation } });
	await api.moderate(id, { onScreen: true });

	await openOverlay(page, '/en/overlay');
	const texts = page.locator('[data-part="question"] .question-text');
	await expect(texts).toHaveText([original, translation]);
	await expect(texts.nth(0)).toHaveAttribute('lang', 'fr');
	await expect(texts.nth(1)).toHaveAttribute('lang', 'en');
	const scroll = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
	expect(scroll).toEqual(FRAME);

	const boxes = await expectInsideSafeArea(page);
	const measured = await expectLegible(page);
	// Nothing cut (every line of both texts drawn), nothing over the other boxes.
	expect(await texts.evaluateAll((elements) => elements.every((element) => element.scrollHeight <= element.clientHeight))).toBe(true);
	expect(boxes.question.y + boxes.question.height).toBeLessThanOrEqual(boxes.speaker.y);
	expect(boxes.question.x + boxes.question.width).toBeLessThanOrEqual(boxes.count.x);
	const [first, second] = [(await texts.nth(0).boundingBox())!, (await texts.nth(1).boundingBox())!];
	expect(first.y + first.height).toBeLessThanOrEqual(second.y);
	console.log(`translated question on the overlay: boxes ${JSON.stringify(boxes)}; ${measured.filter((line) => line.startsWith('question')).join('; ')}`);
});

test('the speaker changes in an open overlay as soon as an organizer picks one in the console, and the pick is audited', async ({ page, browser }) => {
	expect((await putSpeaking({ speakerId: null })).status).toBe(200);
	await openOverlay(page, '/en/overlay?show=speaker');
	const name = page.locator('[data-part="speaker"] .name');
	await expect(name).toHaveCount(0);
	// The segment on now stands alone until someone is picked.
	await expect(page.locator('[data-part="speaker"] .segment')).toContainText(t.en(`event:agenda.${panel.id}`));

	const console = await browser.newContext({ baseURL: server.origin });
	const organizerPage = await console.newPage();
	await organizerPage.goto('/organizers?lang=en');
	await organizerPage.getByLabel(t.en('organizers:signIn.email')).fill(organizer.email);
	await organizerPage.getByLabel(t.en('organizers:signIn.password')).fill(organizer.password);
	await organizerPage.getByRole('button', { name: t.en('organizers:signIn.submit') }).click();
	await organizerPage.getByRole('link', { name: t.en('broadcast:console.nav') }).click();
	await expect(organizerPage.getByRole('heading', { level: 1, name: t.en('broadcast:console.title') })).toBeVisible();

	await organizerPage.getByRole('radio', { name: nameOf(panellist, 'en') }).check();
	await organizerPage.getByRole('button', { name: t.en('broadcast:console.submit') }).click();
	await expect(organizerPage.getByRole('status')).toHaveText(t.en('broadcast:console.saved'));
	await expect(organizerPage.getByRole('radio', { name: nameOf(panellist, 'en') })).toBeChecked();
	await expect(name).toHaveText(exactly(nameOf(panellist, 'en')));

	await organizerPage.getByRole('radio', { name: t.en('broadcast:console.nobody') }).check();
	await organizerPage.getByRole('button', { name: t.en('broadcast:console.submit') }).click();
	await expect(name).toHaveCount(0);

	await organizerPage.goto('/organizers/audit');
	await expect(organizerPage.getByRole('cell', { name: t.en('organizers:audit.actions.speaker-pick') }).first()).toBeVisible();
	await expect(organizerPage.getByRole('cell', { name: t.en('organizers:audit.actions.speaker-clear') }).first()).toBeVisible();
	await console.close();
});

test('?show= picks the boxes, one stream carrying only their topics', async ({ page }) => {
	const streams: string[] = [];
	page.on('request', (request) => request.url().includes('/api/live') && streams.push(new URL(request.url()).search));
	for (const [show, parts] of [
		['count', ['count']],
		['question,speaker', ['speaker', 'question']],
		['', PARTS]
	] as const) {
		streams.length = 0;
		await openOverlay(page, `/en/overlay${show ? `?show=${show}` : ''}`);
		for (const name of PARTS) await expect(page.locator(`[data-part="${name}"]`), `${show}: ${name}`).toHaveCount(parts.includes(name as never) ? 1 : 0);
		await expect.poll(() => streams.length).toBe(1);
	}
});

test('a pick by API: an organizer’s token, a speaker of the event or nobody; anything else refused with nothing stored', async () => {
	expect((await putSpeaking({ speakerId: panellist.id })).status).toBe(200);
	const read = async () => (await (await fetch(`${server.origin}/api/speaking`)).json()) as { speakerId: string | null };
	expect((await read()).speakerId).toBe(panellist.id);
	for (const body of [{ speakerId: 'nobody-of-this-event' }, { speakerId: 3 }, {}, null]) {
		const response = await putSpeaking(body);
		expect(response.status, JSON.stringify(body)).toBe(400);
		expect(((await response.json()) as { message: string }).message).toBe(t.en('broadcast:apiErrors.speaker', { speakers: event.speakers.map((s) => s.id).join(', ') }));
	}
	expect((await putSpeaking({ speakerId: moderator.id }, 'not-a-token')).status).toBe(401);
	// A console form posted from another site's page.
	const crossSite = await fetch(`${server.origin}/organizers/speaking?/pick`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://elsewhere.example' },
		body: `speaker=${moderator.id}`
	});
	expect(crossSite.status).toBe(403);
	// The same form from this site, without a session: refused, and the page sends to the sign-in.
	const signedOut = await fetch(`${server.origin}/organizers/speaking?/pick`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, accept: 'text/html' },
		body: `speaker=${moderator.id}`,
		redirect: 'manual'
	});
	expect(signedOut.status).toBe(403);
	expect(await (await fetch(`${server.origin}/organizers/speaking`)).text()).not.toContain('action="?/pick"');
	expect((await read()).speakerId).toBe(panellist.id);
});

test('the overlay is for production software, not search engines: noindex, not in the sitemap', async () => {
	for (const lang of ['en', 'fr']) {
		const response = await fetch(`${server.origin}/${lang}/overlay`);
		expect(response.headers.get('x-robots-tag')).toBe('noindex');
		expect(await response.text()).toContain('<meta name="robots" content="noindex"');
	}
	expect(await (await fetch(`${server.origin}/sitemap.xml`)).text()).not.toContain('/overlay');
});

test('axe finds nothing on the overlay and the console’s control; both are valid HTML for the Nu validator', async ({ page }) => {
	const documents: Record<string, string> = {};
	for (const lang of ['en', 'fr']) {
		await openOverlay(page, `/${lang}/overlay`);
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		documents[`/${lang}/overlay`] = await (await fetch(`${server.origin}/${lang}/overlay`)).text();
	}
	await page.goto(`${server.origin}/organizers?lang=fr`);
	await page.getByLabel(t.fr('organizers:signIn.email')).fill(organizer.email);
	await page.getByLabel(t.fr('organizers:signIn.password')).fill(organizer.password);
	await page.getByRole('button', { name: t.fr('organizers:signIn.submit') }).click();
	await page.goto(`${server.origin}/organizers/speaking`);
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	documents['/organizers/speaking'] = await page.content();
	expect(await validateHtml(documents)).toEqual([]);
});
