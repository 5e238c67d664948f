import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { STREAM_HEADERS } from '../src/lib/server/stream/sse';
import { EventStreamClient } from './support/event-stream';
import { signInToConsole } from './support/questions';
import { freePort } from './support/server-process';

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
