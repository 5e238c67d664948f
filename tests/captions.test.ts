import { randomUUID } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { event } from '../src/lib/event/event';
import { CAPTION_RATE } from '../src/lib/server/captions/ingest';
import { CAPTION_TEXT_LIMITS } from '../src/lib/server/captions/line-input';
import { CAPTIONING_MARGIN_MINUTES } from '../src/lib/server/captions/window';
import { EventStreamClient } from './support/event-stream';
import { validateHtml } from './support/nu-validator';
import webvtt from 'webvtt-parser';
import { organizersCommand, sharedOrganizer } from './support/organizers';
import { markPage, expectNotReloaded, signInToConsole } from './support/questions';
import { t } from './support/words';
import { BOTH_ENGINES } from './support/engine';

// Whether captioning is open is one state for the whole site: these journeys take turns.
test.describe.configure({ mode: 'serial' });

interface Line {
	seq: number;
	id: string;
	lang: string;
	text: string;
	final: boolean;
}

/** A new captioner's token, made the documented way (`npm run organizers -- add-captioner`). */
function captionerToken(): string {
	const output = organizersCommand(['add-captioner', `captioner-${randomUUID()}@example.org`]);
	const token = /^token: (\S+)$/m.exec(output)?.[1];
	if (!token) throw new Error(`no token in: ${output}`);
	return token;
}

const unique = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

test.describe('live captions', () => {
	let origin: string;
	let organizer: string;
	let captioner: string;
	// A second captioner's, for the flood. Made before any request: the command blocks this worker for
	// seconds, during which the server closes the idle keep-alive sockets that fetch would then reuse.
	let flooder: string;

	const post = (body: unknown, token = captioner, headers: Record<string, string> = {}) =>
		fetch(`${origin}/api/captions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	const setOpen = (open: boolean, token = organizer) =>
		fetch(`${origin}/api/captions/open`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ open }) });
	const transcript = async (lang: string): Promise<Line[]> => ((await (await fetch(`${origin}/api/captions?lang=${lang}`)).json()) as { lines: Line[] }).lines;
	/** A viewer of the live stream, once the stream has started (its first event, the count, has come). */
	async function viewer(query: string, headers: Record<string, string> = {}) {
		const client = new EventStreamClient(`${origin}/api/live${query}`, headers);
		await client.until(() => client.events.some((event) => event.event === 'count'), 10_000, 'the stream to start');
		return client;
	}
	const captionsOf = (client: EventStreamClient): (Line & { eventId: string | undefined })[] =>
		client.events.filter((event) => event.event === 'caption').map((event) => ({ eventId: event.id, ...(JSON.parse(event.data) as Line) }));

	test.beforeAll(async ({}, testInfo) => {
		origin = testInfo.project.use.baseURL!;
		organizer = sharedOrganizer().token;
		captioner = captionerToken();
		flooder = captionerToken();
	});
	test.beforeEach(async () => {
		expect((await setOpen(true)).status).toBe(200);
	});

	test('refuses lines outside the captioning window (the event is over) unless an organizer opens it', BOTH_ENGINES, async () => {
		const closing = await setOpen(false);
		expect(closing.status).toBe(200);
		expect(await closing.json()).toMatchObject({ open: false, accepting: false });
		const text = unique('Too late');
		const refused = await post({ lang: 'fr', text }, captioner, { 'accept-language': 'fr' });
		expect(refused.status).toBe(403);
		expect(await refused.json()).toEqual({ error: 'closed', message: t.fr('captions:apiErrors.closed', { minutes: CAPTIONING_MARGIN_MINUTES }) });
		expect((await transcript('fr')).map((line) => line.text)).not.toContain(text);
		expect((await setOpen(true)).status).toBe(200);
		expect((await post({ lang: 'fr', text })).status).toBe(200);
		expect((await transcript('fr')).map((line) => line.text)).toContain(text);
	});

	test('a line reaches the viewers of its language, and not the other language’s nor those without captions', BOTH_ENGINES, async () => {
		const [first, second, french, none] = await Promise.all([viewer('?captions=en'), viewer('?captions=en'), viewer('?captions=fr'), viewer('')]);
		const english = unique('Good afternoon');
		expect((await post({ lang: 'en', text: english })).status).toBe(200);
		for (const client of [first, second]) await client.until(() => captionsOf(client).some((line) => line.text === english), 3_000, 'the English line');
		// The French line comes after the English one: once it is there, the English one would have been too.
		const frenchText = unique('Bon après-midi');
		expect((await post({ lang: 'fr', text: frenchText })).status).toBe(200);
		await french.until(() => captionsOf(french).some((line) => line.text === frenchText), 3_000, 'the French line');
		expect(captionsOf(french).map((line) => line.text)).not.toContain(english);
		expect(captionsOf(first).map((line) => line.text)).not.toContain(frenchText);
		const english2 = unique('Last');
		expect((await post({ lang: 'en', text: english2 })).status).toBe(200);
		await first.until(() => captionsOf(first).some((line) => line.text === english2), 3_000, 'the last line');
		expect(none.events.filter((event) => event.event === 'caption')).toEqual([]);
		for (const client of [first, second, french, none]) client.close();
	});

	test('replaces a partial line by the next with its id, and keeps only the final one in the transcript', BOTH_ENGINES, async () => {
		const client = await viewer('?captions=en');
		const id = `line-${randomUUID()}`;
		const words = unique('Welcome to');
		for (const [text, final] of [[words.slice(0, 7), false], [words, false], [`${words} the panel.`, true]] as const) {
			expect((await post({ lang: 'en', id, text, final })).status).toBe(200);
		}
		await client.until(() => captionsOf(client).some((line) => line.id === id && line.final), 3_000, 'the final version');
		const versions = captionsOf(client).filter((line) => line.id === id);
		expect(versions.at(-1)).toMatchObject({ text: `${words} the panel.`, final: true });
		expect((await transcript('en')).filter((line) => line.id === id).map((line) => line.text)).toEqual([`${words} the panel.`]);
		const replaced = await post({ lang: 'en', id, text: 'Changed afterwards' });
		expect(replaced.status).toBe(409);
		client.close();
	});

	test('a viewer that reconnects with Last-Event-ID misses no line', BOTH_ENGINES, async () => {
		const client = await viewer('?captions=fr');
		const before = unique('Avant');
		await post({ lang: 'fr', text: before });
		await client.until(() => captionsOf(client).some((line) => line.text === before), 3_000, 'the first line');
		const lastEventId = client.events.at(-1)!.id!;
		client.close();
		const missed = [unique('Pendant 1'), unique('Pendant 2'), unique('Pendant 3')];
		for (const text of missed) expect((await post({ lang: 'fr', text })).status).toBe(200);
		const resumed = await viewer('?captions=fr', { 'last-event-id': lastEventId });
		await resumed.until(() => missed.every((text) => captionsOf(resumed).some((line) => line.text === text)), 3_000, 'every missed line');
		expect(captionsOf(resumed).map((line) => line.text)).not.toContain(before);
		resumed.close();
	});

	test('refuses bad tokens, bad text and floods, storing nothing of them', BOTH_ENGINES, async () => {
		const text = unique('Refused');
		const noToken = await fetch(`${origin}/api/captions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lang: 'en', text }) });
		expect(noToken.status).toBe(401);
		expect((await noToken.json()).message).toBe(t.en('common:api.tokenRequired.captioner'));
		expect((await post({ lang: 'en', text }, `${captioner}x`)).status).toBe(401);
		// A captioner's token posts captions, nothing else.
		expect((await setOpen(false, captioner)).status).toBe(401);
		// The message is in the language the body names, as everywhere in the API.
		const tooLong = await post({ lang: 'fr', text: `${text} ${'a'.repeat(CAPTION_TEXT_LIMITS.text)}` }, captioner, { 'accept-language': 'en' });
		expect(tooLong.status).toBe(400);
		expect((await tooLong.json()).fields).toEqual({ text: t.fr('captions:errors.tooLong', { max: CAPTION_TEXT_LIMITS.text }) });
		for (const bad of [{ lang: 'en', text: `${text} <script>` }, { lang: 'en', text: `${text} \u0007` }, { lang: 'xx', text }, [text]]) expect((await post(bad)).status).toBe(400);
		const flood = unique('Flood');
		// Four at a time, as a tool posting in a hurry would.
		const statuses: number[] = [];
		for (let i = 0; i < CAPTION_RATE.lines + 10; i += 4) {
			const batch = [i, i + 1, i + 2, i + 3].map((n) => post({ lang: 'en', text: `${flood} ${n}` }, flooder).then((response) => response.status));
			statuses.push(...(await Promise.all(batch)));
		}
		const accepted = statuses.filter((status) => status === 200).length;
		expect(accepted).toBeLessThanOrEqual(CAPTION_RATE.lines);
		expect(statuses.filter((status) => status === 429).length).toBe(statuses.length - accepted);
		const stored = [...(await transcript('en')), ...(await transcript('fr'))].filter((line) => line.text.startsWith(text) || line.text.startsWith(flood));
		expect(stored.filter((line) => line.text.startsWith(text))).toEqual([]);
		expect(stored).toHaveLength(accepted);
	});

	const panelIsReady = (page: Page) => expect(page.locator('[data-island="CaptionsPanel"][data-hydrated]')).toBeAttached({ timeout: 15_000 });

	test('the live page’s panel shows its language’s lines, is no live region, and reads final lines aloud once asked', async ({ page }) => {
		// A browser, axe or the Nu validator on a machine shared by many runs.
		test.slow();
		await page.goto('/fr/live');
		await panelIsReady(page);
		const panel = page.locator('#captions');
		const lines = panel.locator('.caption-lines');
		const announcer = panel.locator('[aria-live]');
		await expect(announcer).toHaveCount(1);
		await expect(lines).not.toHaveAttribute('aria-live', /.*/);
		const first = unique('Bienvenue');
		await post({ lang: 'fr', text: first });
		await expect(lines).toContainText(first, { timeout: 3_000 });
		await expect(announcer).toHaveText('');
		await panel.getByLabel(t.fr('captions:panel.readAloud')).check();
		const id = `partial-${randomUUID()}`;
		const partial = unique('Mesdames');
		await post({ lang: 'fr', id, text: partial, final: false });
		await expect(lines).toContainText(partial, { timeout: 3_000 });
		await expect(announcer).toHaveText('');
		await post({ lang: 'fr', id, text: `${partial} et messieurs.`, final: true });
		await expect(announcer).toHaveText(`${partial} et messieurs.`, { timeout: 3_000 });
		// The final version replaced the partial one: one line holds the words.
		await expect(lines.locator('p', { hasText: partial })).toHaveText(`${partial} et messieurs.`);
		const before = await lines.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
		const larger = panel.getByRole('button', { name: t.fr('captions:panel.larger') });
		await larger.click();
		expect(await lines.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThan(before);
		// Pressed up to the largest size: the button says it can do no more, and keeps the focus.
		while ((await larger.getAttribute('aria-disabled')) !== 'true') await larger.press('Enter');
		const largest = await lines.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
		await larger.press('Enter');
		await expect(larger).toBeFocused();
		expect(await lines.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBe(largest);
		await panel.getByLabel(t.fr('captions:panel.language')).selectOption('en');
		const english = unique('Welcome');
		await post({ lang: 'en', text: english });
		await expect(lines).toContainText(english, { timeout: 3_000 });
		await expect(lines).toHaveAttribute('lang', 'en');
		const results = await new AxeBuilder({ page }).include('#captions').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});

	test('the text-only page gives the transcript so far and a refresh link without JavaScript, and follows new lines with it', async ({ browser, page }) => {
		// A browser, axe or the Nu validator on a machine shared by many runs.
		test.slow();
		const said = unique('So far');
		await post({ lang: 'en', text: said });
		const context = await browser.newContext({ javaScriptEnabled: false });
		const plain = await context.newPage();
		await plain.goto('/fr/live/captions?captions=en');
		await expect(plain.locator('ol.transcript')).toContainText(said);
		await expect(plain.locator('ol.transcript')).toHaveAttribute('lang', 'en');
		await expect(plain.getByRole('link', { name: t.fr('captions:page.refresh') })).toHaveAttribute('href', '/fr/live/captions?captions=en');
		await context.close();
		await page.goto('/en/live/captions');
		await expect(page.locator('[data-island="CaptionsTranscript"][data-hydrated]')).toBeAttached({ timeout: 15_000 });
		const next = unique('Next');
		await post({ lang: 'en', text: next });
		await expect(page.locator('ol.transcript li').last()).toHaveText(next, { timeout: 3_000 });
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
	});

	test('the new pages are valid HTML for the Nu validator', async () => {
		// A browser, axe or the Nu validator on a machine shared by many runs.
		test.slow();
		const documents: Record<string, string> = {};
		for (const path of ['/en/live/captions', '/fr/live/captions?captions=en', '/en/live']) documents[path] = await (await fetch(`${origin}${path}`)).text();
		expect(await validateHtml(documents)).toEqual([]);
	});

	const correct = (lang: string, id: string, body: unknown, token = organizer) =>
		fetch(`${origin}/api/captions/${lang}/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

	test('after the event, the transcript is given by segment and as WebVTT that another parser reads; organizers correct and hide lines', BOTH_ENGINES, async ({ page }) => {
		// A browser, axe or the Nu validator on a machine shared by many runs.
		test.slow();
		const [typo, hidden] = [`typo-${randomUUID()}`, `hidden-${randomUUID()}`];
		const misspelt = unique('Helo everyone');
		const offTheRecord = unique('Off the record');
		expect((await post({ lang: 'en', id: typo, text: misspelt })).status).toBe(200);
		expect((await post({ lang: 'en', id: hidden, text: offTheRecord })).status).toBe(200);
		const corrected = misspelt.replace('Helo', 'Hello');
		expect((await correct('en', typo, { text: corrected })).status).toBe(200);
		expect((await correct('en', hidden, { hidden: true })).status).toBe(200);
		expect((await correct('en', hidden, { hidden: true }, captioner)).status).toBe(401);
		expect((await correct('en', 'no-such-line', { hidden: true })).status).toBe(404);
		expect((await correct('en', typo, { text: '<b>' })).status).toBe(400);

		const response = await fetch(`${origin}/en/transcript.vtt`);
		expect(response.headers.get('content-type')).toBe('text/vtt; charset=utf-8');
		const parsed = new webvtt.WebVTTParser().parse(await response.text(), 'metadata');
		expect(parsed.errors).toEqual([]);
		const texts = parsed.cues.map((cue) => cue.text);
		expect(texts).toContain(corrected);
		expect(texts).not.toContain(misspelt);
		expect(texts).not.toContain(offTheRecord);
		for (const cue of parsed.cues) expect(cue.endTime).toBeGreaterThan(cue.startTime);

		// Lines posted now began after the event, so they are under its last segment.
		await page.goto('/fr/transcript?captions=en');
		const lastHeading = page.getByRole('heading', { level: 2, name: t.fr(`event:agenda.${event.segments.at(-1)!.id}`) });
		await expect(lastHeading).toBeVisible();
		await expect(page.locator('main section').filter({ has: lastHeading })).toContainText(corrected);
		await expect(page.locator('main')).not.toContainText(offTheRecord);
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		const documents: Record<string, string> = {};
		for (const path of ['/fr/transcript?captions=en', '/en/transcript']) documents[path] = await (await fetch(`${origin}${path}`)).text();
		expect(await validateHtml(documents)).toEqual([]);
	});

	test('the console opens captioning outside its window and back, and a correction or a hide reaches an open captions page without a reload, and the transcript', async ({ page, browser }) => {
		// Three pages, axe and the Nu validator on a machine shared by many runs.
		test.slow();
		await signInToConsole(page, 'en');
		await page.goto('/organizers/captions?lang=en');
		// The event is over: captions are taken only because the organizers opened them (beforeEach).
		await expect(page.locator('#captions-accepting')).toHaveText(t.en('captions:console.accepting'));
		await page.getByRole('button', { name: t.en('captions:console.close') }).click();
		await expect(page.locator('#captions-accepting')).toHaveText(t.en('captions:console.notAccepting'));
		expect(await (await fetch(`${origin}/api/captions/open`)).json()).toMatchObject({ open: false, accepting: false });
		expect((await post({ lang: 'en', text: unique('Refused') })).status).toBe(403);
		await page.getByRole('button', { name: t.en('captions:console.open') }).click();
		await expect(page.locator('#captions-accepting')).toHaveText(t.en('captions:console.accepting'));
		expect(await (await fetch(`${origin}/api/captions/open`)).json()).toMatchObject({ open: true, accepting: true });

		// A cross-site form post is refused and changes nothing.
		const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join('; ');
		const crossSite = await fetch(`${origin}/organizers/captions?/setOpen`, {
			method: 'POST',
			headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
			body: 'open=0',
			redirect: 'manual'
		});
		expect(crossSite.status).toBe(403);
		expect(await (await fetch(`${origin}/api/captions/open`)).json()).toMatchObject({ open: true });

		const [typo, hidden] = [`typo-${randomUUID()}`, `hidden-${randomUUID()}`];
		const misspelt = unique('Thnak you all');
		const offTheRecord = unique('Not for the record');
		expect((await post({ lang: 'en', id: typo, text: misspelt })).status).toBe(200);
		expect((await post({ lang: 'en', id: hidden, text: offTheRecord })).status).toBe(200);
		const reader = await (await browser.newContext()).newPage();
		await reader.goto('/en/live/captions');
		await expect(reader.locator('[data-island="CaptionsTranscript"][data-hydrated]')).toBeAttached({ timeout: 15_000 });
		await markPage(reader);
		const transcriptLines = reader.locator('ol.transcript li');
		await expect(transcriptLines.filter({ hasText: misspelt })).toHaveCount(1);

		const corrected = misspelt.replace('Thnak', 'Thank');
		await page.goto('/organizers/captions?captions=en');
		const line = page.locator(`[id="line-${typo}"]`);
		await line.getByRole('textbox').fill(corrected);
		await line.getByRole('button', { name: t.en('captions:console.correct') }).click();
		await expect(page.getByRole('status')).toHaveText(t.en('captions:console.saved'));
		await page.locator(`[id="line-${hidden}"]`).getByRole('button', { name: t.en('captions:console.hide') }).click();
		await expect(page.locator(`[id="line-${hidden}"]`)).toContainText(t.en('captions:console.hidden'));

		// The open page replaces the line in its place and takes the hidden one away, without a reload.
		await expect(transcriptLines.filter({ hasText: corrected })).toHaveCount(1, { timeout: 3_000 });
		await expect(transcriptLines.filter({ hasText: offTheRecord })).toHaveCount(0, { timeout: 3_000 });
		await expect(transcriptLines.filter({ hasText: misspelt })).toHaveCount(0);
		const texts = await transcriptLines.allTextContents();
		expect(texts.indexOf(corrected)).toBe(texts.length - 1);
		await expectNotReloaded(reader);

		// The transcript and its WebVTT file: the correction in, the hidden line out.
		const vtt = new webvtt.WebVTTParser().parse(await (await fetch(`${origin}/en/transcript.vtt`)).text(), 'metadata');
		expect(vtt.cues.map((cue) => cue.text)).toContain(corrected);
		expect(vtt.cues.map((cue) => cue.text)).not.toContain(offTheRecord);
		const transcriptPage = await (await fetch(`${origin}/en/transcript`)).text();
		expect(transcriptPage).toContain(corrected);
		expect(transcriptPage).not.toContain(offTheRecord);

		// Audited; the console's page is accessible and valid.
		await page.goto('/organizers/audit?lang=en');
		for (const action of ['captions-close', 'captions-open', 'caption-correct', 'caption-hide']) {
			await expect(page.getByRole('cell', { name: t.en(`organizers:audit.actions.${action}`), exact: true }).first()).toBeVisible();
		}
		await page.goto('/organizers/captions?captions=en');
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
		expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
		expect(await validateHtml({ '/organizers/captions': await page.content() })).toEqual([]);
	});
});
