import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { STREAM_HEADERS } from '../src/lib/server/stream/sse';
import { EventStreamClient } from './support/event-stream';
import { createOrganizer } from './support/organizers';
import { askAsViewer, questionsApi, signInToConsole, uniqueQuestion } from './support/questions';
import { freePort, ownServer } from './support/server-process';

// The live stream is one SvelteKit route (src/routes/api/pledges/stream/+server.ts, and /api/live
// beside it): the production server answers it, and so does `vite preview` on the same build
// (`vite dev`: src/lib/server/stream/dev-server.spec.ts).
const STREAMS = ['/api/pledges/stream', '/api/live'];

async function firstEvents(url: string, headers: Record<string, string> = {}, count = 2) {
	const client = new EventStreamClient(url, headers);
	const response = await client.response;
	if (response.statusCode === 200) await client.until(() => client.events.length >= count, 10_000, `${count} events`);
	client.close();
	return { response, events: client.events };
}

test.describe('under vite preview', () => {
	let preview: ChildProcess;
	let origin: string;
	const databaseFile = join(tmpdir(), `imrf-preview-${process.pid}-${Date.now()}.db`);

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		const port = await freePort();
		origin = `http://127.0.0.1:${port}`;
		preview = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
			env: { ...process.env, DATABASE_URL: databaseFile },
			stdio: ['ignore', 'ignore', 'inherit']
		});
		await expect.poll(async () => (await fetch(`${origin}/healthz`).catch(() => undefined))?.status, { timeout: 90_000 }).toBe(200);
	});
	test.afterAll(() => {
		preview?.kill('SIGTERM');
		rmSync(databaseFile, { force: true });
	});

	for (const path of STREAMS) {
		test(`${path} answers as in production: raw event-stream headers, the count, then the questions`, async () => {
			const { response, events } = await firstEvents(`${origin}${path}`);
			expect(response.statusCode).toBe(200);
			for (const [name, value] of Object.entries(STREAM_HEADERS)) expect(response.headers[name]).toBe(value);
			expect(response.headers['transfer-encoding']).toBeUndefined();
			expect(response.headers.connection).toBe('close');
			expect(events.map((event) => event.event)).toEqual(['count', 'questions']);
			expect(JSON.parse(events[0].data)).toMatchObject({ count: 0 });
		});
	}
});

test.describe('topics', () => {
	test('/api/live carries what /api/pledges/stream carries: the count, then the questions', async ({ baseURL }) => {
		for (const path of STREAMS) {
			const { response, events } = await firstEvents(`${baseURL}${path}`);
			expect(response.statusCode, path).toBe(200);
			expect(response.headers['access-control-allow-origin'], path).toBe('*');
			expect(events.map((event) => event.event), path).toEqual(['count', 'questions']);
		}
	});

	test('the moderation queue is refused to the public on both addresses, and an unknown topic is a bad request', async ({ baseURL }) => {
		for (const path of STREAMS) {
			expect((await fetch(`${baseURL}${path}?topics=moderation`)).status, path).toBe(403);
			expect((await fetch(`${baseURL}${path}?topics=count,moderation`)).status, path).toBe(403);
			expect((await fetch(`${baseURL}${path}?topics=count,nothing`)).status, path).toBe(400);
		}
	});

	test('the console’s address of the moderation queue sends a stranger to sign in', async ({ baseURL }) => {
		const response = await fetch(`${baseURL}/organizers/questions/stream`, { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('content-type') ?? '').not.toContain('text/event-stream');
	});

	test('a signed-in organizer follows the moderation queue: every status, never stored, for this site only', async ({ page, baseURL }) => {
		await signInToConsole(page, 'en');
		// The session cookie is scoped to /organizers: the browser sends it to the console's address only.
		const cookie = (await page.context().cookies())
			.filter(({ path }) => path === '/organizers')
			.map(({ name, value }) => `${name}=${value}`)
			.join('; ');
		const { response, events } = await firstEvents(`${baseURL}/organizers/questions/stream`, { cookie }, 1);
		expect(response.statusCode).toBe(200);
		expect(response.headers['cache-control']).toContain('no-store');
		expect(response.headers['access-control-allow-origin']).toBeUndefined();
		expect(events.map((event) => event.event)).toEqual(['moderation']);
		const queue = JSON.parse(events[0].data) as { open: unknown; groups: Record<string, unknown> };
		expect(typeof queue.open).toBe('boolean');
		expect(Object.keys(queue.groups).sort()).toEqual(['answered', 'approved', 'pending', 'rejected']);
	});
});

test.describe('event ids', () => {
	// A server of this suite's own: it opens the questions and adds pledges without touching other suites' state.
	const databaseFile = join(tmpdir(), `imrf-ids-${process.pid}-${Date.now()}.db`);
	let server: Awaited<ReturnType<typeof ownServer>>;
	let token: string;
	test.beforeAll(async () => {
		server = await ownServer(databaseFile);
		token = createOrganizer(databaseFile).token;
		await questionsApi(server.origin, token).setOpen(true);
	});
	test.afterAll(async () => {
		await server?.stop();
		rmSync(databaseFile, { force: true });
	});

	const ids = (client: EventStreamClient) => client.events.map((event) => Number(event.id));
	// The questions come as a snapshot (`questions`), then as changes (`questions-delta`): one topic.
	const topicOf = (event: { event?: string }) => (event.event === 'questions-delta' ? 'questions' : event.event);
	const isIncreasing = (values: number[]) => values.every((value, index) => index === 0 || value > values[index - 1]);
	async function addPledge(title: string) {
		const response = await fetch(`${server.origin}/api/pledges`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ government: 'Kampala Capital City Authority', country: 'UG', title })
		});
		expect(response.status).toBe(201);
	}
	async function approveQuestion() {
		const api = questionsApi(server.origin, token);
		const id = await askAsViewer(server.origin, uniqueQuestion('Interleaved'));
		await api.moderate(id, { status: 'approved' });
	}

	for (const path of STREAMS) {
		test(`${path}: one increasing sequence of ids across interleaved topics, and a resume after each kind continues above it`, async () => {
			const client = new EventStreamClient(`${server.origin}${path}`);
			await client.until(() => client.events.length >= 2, 10_000, 'the first events');
			for (let round = 0; round < 3; round++) {
				const before = client.events.length;
				await addPledge(`Interleaved ${round}`);
				await approveQuestion();
				await client.until(() => client.events.slice(before).some((event) => topicOf(event) === 'count') && client.events.slice(before).some((event) => topicOf(event) === 'questions'), 10_000, 'both topics');
			}
			client.close();
			expect(isIncreasing(ids(client))).toBe(true);
			for (const kind of ['count', 'questions']) {
				const lastSeen = Number(client.events.filter((event) => topicOf(event) === kind).at(-1)!.id);
				const resumed = new EventStreamClient(`${server.origin}${path}`, { 'last-event-id': String(lastSeen) });
				await resumed.until(() => resumed.events.length >= 2, 10_000, 'the resumed snapshot');
				resumed.close();
				expect(resumed.events.map((event) => event.event), kind).toEqual(['count', 'questions']);
				expect(Math.min(...ids(resumed)), kind).toBeGreaterThan(lastSeen);
				expect(isIncreasing(ids(resumed)), kind).toBe(true);
			}
		});
	}
});
