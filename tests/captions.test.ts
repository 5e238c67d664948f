import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { CAPTION_RATE } from '../src/lib/server/captions/ingest';
import { CAPTION_TEXT_LIMITS } from '../src/lib/server/captions/line-input';
import { CAPTIONING_MARGIN_MINUTES } from '../src/lib/server/captions/window';
import { EventStreamClient } from './support/event-stream';
import { createOrganizer, organizersCommand } from './support/organizers';
import { t } from './support/words';

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
		organizer = createOrganizer().token;
		captioner = captionerToken();
	});
	test.beforeEach(async () => {
		expect((await setOpen(true)).status).toBe(200);
	});

	test('refuses lines outside the captioning window (the event is over) unless an organizer opens it', async () => {
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

	test('a line reaches the viewers of its language, and not the other language’s nor those without captions', async () => {
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

	test('replaces a partial line by the next with its id, and keeps only the final one in the transcript', async () => {
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

	test('a viewer that reconnects with Last-Event-ID misses no line', async () => {
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

	test('refuses bad tokens, bad text and floods, storing nothing of them', async () => {
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
		const flooder = captionerToken();
		const flood = unique('Flood');
		const statuses = await Promise.all(Array.from({ length: CAPTION_RATE.lines + 10 }, (_, i) => post({ lang: 'en', text: `${flood} ${i}` }, flooder).then((response) => response.status)));
		const accepted = statuses.filter((status) => status === 200).length;
		expect(accepted).toBeLessThanOrEqual(CAPTION_RATE.lines);
		expect(statuses.filter((status) => status === 429).length).toBe(statuses.length - accepted);
		const stored = [...(await transcript('en')), ...(await transcript('fr'))].filter((line) => line.text.startsWith(text) || line.text.startsWith(flood));
		expect(stored.filter((line) => line.text.startsWith(text))).toEqual([]);
		expect(stored).toHaveLength(accepted);
	});
});
