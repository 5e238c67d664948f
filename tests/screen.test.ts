import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { event } from '$lib/event/event';
import { QUESTION_LIMITS } from '$lib/questions/schema';
import { organizersCommand } from './support/organizers';
import { recordPledge } from './support/organizer-token';
import { questionsApi } from './support/questions';
import { freePort, startServerProcess } from './support/server-process';
import { t } from './support/words';

// The room screen is a stage: one 16:9 frame, read from the back of the room. Measured in the browser
// (boxes, overflow, lines), on a server of its own, with the longest question and names the site takes.

// A browser on a machine shared by many runs: room for each journey, and conditions waited for, never times.
test.describe.configure({ mode: 'serial', timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

let server: ChildProcess;
let origin: string;
let api: ReturnType<typeof questionsApi>;
let token: string;
const databaseFile = join(tmpdir(), `imrf-screen-${process.pid}-${Date.now()}.db`);

/** `text` repeated to exactly `length` characters: as long as the site allows, made of the site's own words. */
const filled = (text: string, length: number, end = '') => (text + ' ').repeat(Math.ceil(length / text.length) + 1).slice(0, length - end.length).trimEnd().padEnd(length - end.length, 'x') + end;

/** A question as long as the site takes; `mark` makes it one of its own (the same text twice is refused as already asked). */
const longQuestion = (lang: 'en' | 'fr', mark = '') => filled(`${mark}${t[lang]('event:description')}`, QUESTION_LIMITS.text, '?');
const longName = filled(event.speakers.map((speaker) => speaker.name).join(' '), QUESTION_LIMITS.name);
const longAffiliation = filled(event.organizations.map((organization) => t.en(`event:organizations.${organization.id}`)).join(' '), QUESTION_LIMITS.affiliation);

async function putOnScreen(text: string, lang: 'en' | 'fr', who = { name: longName, affiliation: longAffiliation }, translations?: Partial<Record<'en' | 'fr', string>>): Promise<string> {
	const response = await fetch(`${origin}/api/questions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, lang, ...who }) });
	expect(response.status).toBe(202);
	const { id } = (await response.json()) as { id: string };
	await api.moderate(id, { status: 'approved', ...(translations && { translations }) });
	await api.moderate(id, { onScreen: true });
	return id;
}

test.beforeAll(async () => {
	const port = await freePort();
	origin = `http://localhost:${port}`;
	server = await startServerProcess(port, databaseFile);
	token = /^token: (\S+)$/m.exec(organizersCommand(['add', 'screen@example.org'], databaseFile))![1];
	api = questionsApi(origin, token);
	await api.setOpen(true);
	// The newest pledges, as long as a pledge may be (government 200, title 300 characters).
	for (let i = 0; i < 3; i++) {
		await recordPledge(origin, token, filled(t.en('event:description'), 300), { government: filled(event.speakers.map((s) => s.name).join(' '), 200) });
	}
});

test.afterAll(() => {
	server?.kill();
	for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
});

type Box = { x: number; y: number; width: number; height: number };
const inside = (box: Box | null, frame: { width: number; height: number }) =>
	box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= frame.width + 0.5 && box.y + box.height <= frame.height + 0.5;

/** How many lines an element's text takes. */
const linesOf = (page: Page, selector: string) =>
	page.locator(selector).evaluateAll((elements) =>
		elements.map((element) => {
			const range = document.createRange();
			range.selectNodeContents(element);
			return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
		})
	);

const round = (box: Box | null) => box && { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };

const FRAMES = [
	{ width: 1920, height: 1080 },
	{ width: 1280, height: 720 }
];

/** Opens the stage at `frame` once the islands have taken over and the stream has said which question is on screen. */
async function openStage(page: Page, lang: 'en' | 'fr', frame: { width: number; height: number }, question: string) {
	await page.setViewportSize(frame);
	await page.goto(`${origin}/${lang}/screen`);
	await expect(page.locator('[data-island="QuestionOnScreen"][data-hydrated]')).toHaveCount(1);
	await expect(page.locator('[data-island="PledgeCounter"][data-hydrated]')).toHaveCount(1);
	await expect(page.locator('.on-screen .text').first()).toHaveText(question);
}

/** The stage's measured rules, whatever the question: one frame, everything inside it, nothing over anything else. Its boxes. */
async function expectWholeStage(page: Page, frame: { width: number; height: number }) {
	// A stage: no navigation, no footer, the whole frame and nothing beyond it.
	await expect(page.locator('nav, .site-header, .site-footer')).toHaveCount(0);
	expect(round(await page.locator('.stage').boundingBox())).toEqual({ x: 0, y: 0, ...frame });
	const scroll = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
	expect(scroll).toEqual(frame);

	// Everything the room needs is inside the frame: the question, the asker, the count, both codes and their addresses.
	const parts = ['.event-title', '.hashtags', '.on-screen', '.on-screen .by', '.now-on', '.pledge-counter', '.codes'];
	const boxes: Record<string, Box | null> = {};
	for (const part of parts) {
		boxes[part] = round(await page.locator(part).boundingBox());
		expect(inside(boxes[part], frame), `${part} ${JSON.stringify(boxes[part])}`).toBe(true);
	}
	for (const [index, text] of (await page.locator('.on-screen .text').all()).entries()) {
		boxes[`.text ${index}`] = round(await text.boundingBox());
		expect(inside(boxes[`.text ${index}`], frame)).toBe(true);
	}
	for (const code of await page.locator('.codes figure').all()) {
		const image = code.locator('[role="img"]');
		await expect(image).toBeVisible();
		expect(inside(await image.boundingBox(), frame)).toBe(true);
		expect(inside(await code.locator('.address').boundingBox(), frame)).toBe(true);
	}
	// The question stays in its own area: not under the codes, not beside into what is on now and the count, nothing cut.
	const question = boxes['.on-screen']!;
	expect(question.y + question.height).toBeLessThanOrEqual(boxes['.codes']!.y);
	expect(question.x + question.width).toBeLessThanOrEqual(Math.min(boxes['.now-on']!.x, boxes['.pledge-counter']!.x));
	expect(await page.locator('.question').evaluate((element) => element.scrollHeight <= element.clientHeight && element.scrollWidth <= element.clientWidth)).toBe(true);

	// A hashtag is never broken inside; an address only after a slash.
	expect(await linesOf(page, '.hashtags li')).toEqual(event.hashtags.map(() => 1));
	for (const text of await page.locator('.codes .address').allInnerTexts()) {
		for (const line of text.split('\n')) expect(line === '' || line.endsWith('/') || text.trim().endsWith(line.trim())).toBe(true);
	}
	return boxes;
}

const fontSizeOf = (page: Page, selector: string) => page.locator(selector).evaluate((element) => parseFloat(getComputedStyle(element).fontSize));

for (const frame of FRAMES) {
	for (const lang of ['en', 'fr'] as const) {
		test(`${lang}: the stage fills ${frame.width}×${frame.height} without scrolling, a 280-character question and long names included`, async ({ page }) => {
			const question = longQuestion(lang, `${frame.height} `);
			await putOnScreen(question, lang);
			await openStage(page, lang, frame, question);
			const boxes = await expectWholeStage(page, frame);

			// Read from the back of the room: the question's type at least 4 % of the frame's height.
			const questionSize = await fontSizeOf(page, '.on-screen .text');
			expect(questionSize).toBeGreaterThanOrEqual(0.04 * frame.height);
			console.log(`${lang} ${frame.width}×${frame.height}: question ${questionSize}px;`, JSON.stringify(boxes));
		});

		test(`${lang}: a 280-character question and its 280-character translation both fit ${frame.width}×${frame.height}, the original first`, async ({ page }) => {
			const other = lang === 'en' ? 'fr' : 'en';
			const question = longQuestion(lang, `${frame.height} translated `);
			const translation = longQuestion(other);
			await putOnScreen(question, lang, undefined, { [other]: translation });
			await openStage(page, lang, frame, question);
			await expect(page.locator('.on-screen .translation')).toHaveText(translation);
			const boxes = await expectWholeStage(page, frame);

			// Each in its language, the original above its translation.
			await expect(page.locator('.on-screen .text').first()).toHaveAttribute('lang', lang);
			await expect(page.locator('.on-screen .translation')).toHaveAttribute('lang', other);
			expect(boxes['.text 0']!.y + boxes['.text 0']!.height).toBeLessThanOrEqual(boxes['.text 1']!.y);

			// The rule with both languages on screen: the original still at least 4 % of the frame's height,
			// the translation at least 3 %, the asker's name at least 2 %.
			const sizes = { original: await fontSizeOf(page, '.on-screen .text:not(.translation)'), translation: await fontSizeOf(page, '.on-screen .translation'), by: await fontSizeOf(page, '.on-screen .by') };
			expect(sizes.original).toBeGreaterThanOrEqual(0.04 * frame.height);
			expect(sizes.translation).toBeGreaterThanOrEqual(0.03 * frame.height);
			expect(sizes.by).toBeGreaterThanOrEqual(0.02 * frame.height);
			console.log(`${lang} ${frame.width}×${frame.height} translated: ${JSON.stringify(sizes)};`, JSON.stringify(boxes));
		});
	}
}

test('the stage is dark by default whatever the system says, light on request', async ({ page }) => {
	await page.emulateMedia({ colorScheme: 'light' });
	const background = async () => page.locator('.stage').evaluate((element) => getComputedStyle(element).backgroundColor);
	const luminance = (rgb: string) => {
		const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number);
		return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
	};
	await page.goto(`${origin}/en/screen`);
	expect(luminance(await background())).toBeLessThan(0.2);
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto(`${origin}/en/screen?theme=light`);
	expect(luminance(await background())).toBeGreaterThan(0.8);
});

test('the question on screen changes in place: never hidden between two, nothing else moves', async ({ page }) => {
	await page.setViewportSize({ width: 1920, height: 1080 });
	const first = longQuestion('en', 'first ');
	await putOnScreen(first, 'en');
	await page.goto(`${origin}/en/screen`);
	await expect(page.locator('.pledge-counter')).toHaveAttribute('data-status', 'live');
	const codesBefore = await page.locator('.codes').boundingBox();
	// Every state the question's area goes through, as the browser renders it.
	await page.evaluate(() => {
		const states: string[] = [];
		(window as unknown as { states: string[] }).states = states;
		const section = document.querySelector('.on-screen')!;
		new MutationObserver(() => states.push(section.hasAttribute('hidden') ? 'hidden' : (section.querySelector('.text')?.textContent ?? 'empty'))).observe(section, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true
		});
	});
	const second = filled(t.en('event:title'), 120, '?');
	await putOnScreen(second, 'en', { name: '', affiliation: '' });
	await expect(page.locator('.on-screen .text')).toHaveText(second);
	const states = await page.evaluate(() => (window as unknown as { states: string[] }).states);
	expect(states.filter((state) => state !== first && state !== second)).toEqual([]);
	expect(await page.locator('.codes').boundingBox()).toEqual(codesBefore);
});

test("the place's names stay on one line: Room 8, New York", async ({ page }) => {
	for (const lang of ['en', 'fr']) {
		await page.goto(`/${lang}/`);
		const place = (await page.locator('.when-where').textContent()) ?? '';
		expect(place).toMatch(lang === 'en' ? /Room\u00a08/ : /salle\u00a08/);
		expect(place).toMatch(/New\u00a0York/);
	}
});
