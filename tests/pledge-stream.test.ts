import { expect, test } from '@playwright/test';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStreamClient } from './support/event-stream';
import { createOrganizerToken, recordPledge } from './support/organizer-token';
import { ownServer } from './support/server-process';

const STREAM = '/api/pledges/stream';

async function currentCount(origin: string): Promise<number> {
	return ((await (await fetch(`${origin}/api/pledges?limit=1`)).json()) as { count: number }).count;
}

let token: string;
test.beforeAll(() => {
	token = createOrganizerToken();
});

test.describe('GET /api/pledges/stream', () => {
	test('answers with event-stream headers that proxies neither buffer nor transform', async ({ baseURL }) => {
		const client = new EventStreamClient(`${baseURL}${STREAM}`);
		const response = await client.response;
		client.close();
		expect(response.statusCode).toBe(200);
		expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
		expect(response.headers['cache-control']).toContain('no-cache');
		expect(response.headers['cache-control']).toContain('no-transform');
		expect(response.headers['x-accel-buffering']).toBe('no');
		expect(response.headers['x-frame-options']).toBe('DENY');
	});

	test('starts with a jittered retry and an event carrying the current count', async ({ baseURL }) => {
		const before = await currentCount(baseURL!);
		const client = new EventStreamClient(`${baseURL}${STREAM}`);
		const first = await client.until(() => client.counts[0], 5_000, 'the first count event');
		const after = await currentCount(baseURL!);
		client.close();
		expect(client.text).toMatch(/^retry: \d+\n\n/);
		expect(client.events[0].event).toBe('count');
		expect(first.count).toBeGreaterThanOrEqual(before);
		expect(first.count).toBeLessThanOrEqual(after);
		expect(first.id).toBeGreaterThan(0);
	});

	test('a pledge recorded through the API reaches an open stream', async ({ baseURL }) => {
		const client = new EventStreamClient(`${baseURL}${STREAM}`);
		const first = await client.until(() => client.counts[0], 5_000, 'the first count event');
		const title = `Stream test ${Date.now()} ${Math.random()}`;
		await recordPledge(baseURL!, token, title);
		const update = await client.until(() => client.counts.find((c) => c.latest.some((p) => p.title === title)), 3_000, 'the new pledge');
		client.close();
		expect(update.count).toBeGreaterThan(first.count);
	});

	test('each update has a larger id than the one before', async ({ baseURL }) => {
		const client = new EventStreamClient(`${baseURL}${STREAM}`);
		await client.until(() => client.counts[0], 5_000, 'the first count event');
		for (let i = 0; i < 3; i += 1) {
			const title = `Id test ${i} ${Date.now()} ${Math.random()}`;
			await recordPledge(baseURL!, token, title);
			await client.until(() => client.counts.some((c) => c.latest.some((p) => p.title === title)), 3_000, title);
		}
		client.close();
		const ids = client.counts.map((c) => c.id);
		expect(ids.length).toBeGreaterThanOrEqual(4);
		for (let i = 1; i < ids.length; i += 1) expect(ids[i]).toBeGreaterThan(ids[i - 1]);
	});

	test('a client resuming with an old Last-Event-ID gets the current count, not a replay', async ({ baseURL }) => {
		await recordPledge(baseURL!, token, `Before resume ${Date.now()}`);
		const before = await currentCount(baseURL!);
		const client = new EventStreamClient(`${baseURL}${STREAM}`, { 'last-event-id': '1' });
		const first = await client.until(() => client.counts[0], 5_000, 'the first count event');
		client.close();
		expect(first.id).toBeGreaterThan(1);
		expect(first.count).toBeGreaterThanOrEqual(before);
	});
});

test.describe('the stream on a server of its own', () => {
	test.describe.configure({ mode: 'serial', timeout: 120_000 });

	const databaseFile = join(tmpdir(), `imrf-stream-${process.pid}-${Date.now()}.db`);
	let server: Awaited<ReturnType<typeof ownServer>>;
	test.beforeAll(async () => {
		// A stop that waits for SHUTDOWN_TIMEOUT would outlast the test: an exit in time is the streams' own end.
		server = await ownServer(databaseFile, { env: { STREAM_HEARTBEAT_MS: '300', SHUTDOWN_TIMEOUT: '600' } });
	});
	test.afterAll(async () => {
		await server?.stop();
	});

	const openStreams = async () => Number((await fetch(`${server.origin}/healthz`)).headers.get('x-stream-clients'));

	test('an idle stream stays open through many heartbeats', async () => {
		const client = new EventStreamClient(`${server.origin}${STREAM}`);
		await client.until(() => client.counts[0], 5_000, 'the first count event');
		const heartbeats = () => client.text.match(/^:\n\n/gm)?.length ?? 0;
		await client.until(() => heartbeats() >= 8 || client.isEnded, 60_000, 'eight heartbeats');
		client.close();
		expect(client.isEnded).toBe(false);
		expect(heartbeats()).toBeGreaterThanOrEqual(8);
	});

	test('a client that disconnects is unsubscribed', async () => {
		const clients = [0, 1, 2].map(() => new EventStreamClient(`${server.origin}${STREAM}`));
		for (const client of clients) await client.until(() => client.counts[0], 5_000, 'the first count event');
		await expect.poll(openStreams).toBe(3);
		clients[0].close();
		clients[1].close();
		await expect.poll(openStreams).toBe(1);
		clients[2].close();
		await expect.poll(openStreams).toBe(0);
	});

	test('a client that ends its side of the connection is unsubscribed, and the server closes it', async () => {
		// A raw socket: a half-close (FIN) without a reset, which a browser does not send but a proxy may.
		const { hostname, port } = new URL(server.origin);
		const socket = connect(Number(port), hostname);
		let received = '';
		socket.setEncoding('latin1');
		socket.on('data', (chunk: string) => (received += chunk));
		const closed = new Promise((resolve) => socket.once('close', resolve));
		socket.write(`GET ${STREAM} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
		await expect.poll(() => received).toContain('event: count');
		await expect.poll(openStreams).toBe(1);
		socket.end();
		await closed;
		await expect.poll(openStreams).toBe(0);
	});

	test('ids keep increasing across a restart of the server', async () => {
		const before = new EventStreamClient(`${server.origin}${STREAM}`);
		const { id: lastId } = await before.until(() => before.counts[0], 5_000, 'the first count event');
		before.close();
		await server.stop();
		server = await ownServer(databaseFile, { env: { STREAM_HEARTBEAT_MS: '300' } });
		const after = new EventStreamClient(`${server.origin}${STREAM}`, { 'last-event-id': String(lastId) });
		const { id } = await after.until(() => after.counts[0], 5_000, 'the first count event');
		after.close();
		expect(id).toBeGreaterThan(lastId);
	});

	test('on SIGTERM the open streams end and the server exits without waiting for them', async () => {
		const clients = [0, 1, 2].map(() => new EventStreamClient(`${server.origin}${STREAM}`));
		for (const client of clients) await client.until(() => client.counts[0], 5_000, 'the first count event');
		// Its SHUTDOWN_TIMEOUT (600 s) is what open connections would otherwise hold the exit for: past the test's time.
		await server.stop();
		for (const client of clients) await client.until(() => client.isEnded, 10_000, 'the end of the stream');
	});

	test('on SIGTERM a viewer that never closes its side is cut after SHUTDOWN_TIMEOUT, and the server exits', async () => {
		// No heartbeat in the test's time: a write to the ended connection would close it, which one that is behind gets none of.
		server = await ownServer(databaseFile, { env: { SHUTDOWN_TIMEOUT: '1', STREAM_HEARTBEAT_MS: '600000' } });
		// The first stream loads the stream's routes, which then answer the next ones on the socket path (socket-path.ts).
		const first = new EventStreamClient(`${server.origin}${STREAM}`);
		await first.until(() => first.counts[0], 10_000, 'the first count event');
		first.close();
		// A raw socket that stays open after the server's end (a frozen tab, a dropped network): only a cut closes it.
		const { hostname, port } = new URL(server.origin);
		const socket = connect({ port: Number(port), host: hostname, allowHalfOpen: true });
		let received = '';
		socket.setEncoding('latin1');
		socket.on('data', (chunk: string) => (received += chunk));
		socket.on('error', () => {});
		const ended = new Promise((resolve) => socket.once('end', resolve));
		socket.write(`GET ${STREAM} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n\r\n`);
		await expect.poll(() => received).toContain('event: count');
		// Resolves once the process has exited: it waits for every connection.
		await server.stop();
		await ended;
		socket.destroy();
	});
});
