import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { EventStreamClient } from './support/event-stream';
import { createOrganizer } from './support/organizers';
import { ownServer } from './support/server-process';

// The server's own limits, each on a server of its own.
test.describe.configure({ timeout: 120_000 });

const STREAM = '/api/pledges/stream';
const databaseFile = (name: string) => join(tmpdir(), `imrf-${name}-${process.pid}-${Date.now()}.db`);

async function openStream(origin: string, address: string) {
	const client = new EventStreamClient(`${origin}${STREAM}`, { 'x-forwarded-for': address });
	const response = await client.response;
	return { client, status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] };
}

test('streams are capped per client address; other addresses still get theirs', async () => {
	const server = await ownServer(databaseFile('stream-cap'), { env: { ADDRESS_HEADER: 'x-forwarded-for', STREAM_LIMIT_PER_ADDRESS: '5' } });
	const clients: EventStreamClient[] = [];
	try {
		for (let i = 0; i < 5; i++) {
			const opened = await openStream(server.origin, '198.51.100.1');
			clients.push(opened.client);
			expect(opened.status).toBe(200);
		}
		const refused = await openStream(server.origin, '198.51.100.1');
		clients.push(refused.client);
		expect(refused.status).toBe(429);
		expect(Number(refused.retryAfter)).toBeGreaterThan(0);
		// The cap is on the decoded path too.
		const spelled = new EventStreamClient(`${server.origin}/api/pledges/%73tream`, { 'x-forwarded-for': '198.51.100.1' });
		clients.push(spelled);
		expect((await spelled.response).statusCode).toBe(429);
		const other = await openStream(server.origin, '198.51.100.2');
		clients.push(other.client);
		expect(other.status).toBe(200);
		// A stream that closes frees its place.
		clients[0].close();
		await expect.poll(async () => (await openStream(server.origin, '198.51.100.1')).status).toBe(200);
	} finally {
		for (const client of clients) client.close();
		await server.stop();
	}
});

test('with few file descriptors, a crowd of streams is refused before pages and /healthz stop answering', async () => {
	// 256 descriptors: room for 160 streams, the rest kept for pages and the store.
	const server = await ownServer(databaseFile('crowd'), { env: { ADDRESS_HEADER: 'x-forwarded-for' }, wrapper: ['prlimit', '--nofile=256:256'] });
	const clients: EventStreamClient[] = [];
	try {
		const statuses: number[] = [];
		for (let i = 0; i < 220; i++) {
			const opened = await openStream(server.origin, `192.0.2.${i % 50}`);
			clients.push(opened.client);
			statuses.push(opened.status);
		}
		expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(100);
		expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
		expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
		for (const path of ['/en/', '/fr/live', '/healthz', '/en/pledges']) {
			expect((await fetch(`${server.origin}${path}`, { headers: { 'x-forwarded-for': '192.0.2.200' } })).status, path).toBe(200);
		}
	} finally {
		for (const client of clients) client.close();
		await server.stop();
	}
});

test('a connection that never finishes its headers is closed by the server', async () => {
	// Node's own defaults close it only after 60–90 s; with HEADERS_TIMEOUT_MS=1000 it goes within a
	// couple of seconds. The test's deadline sits far between the two, so a loaded machine still passes.
	test.setTimeout(45_000);
	const server = await ownServer(databaseFile('slow-headers'), { env: { HEADERS_TIMEOUT_MS: '1000' } });
	try {
		const socket = net.connect(server.port, '127.0.0.1');
		await new Promise((resolve) => socket.once('connect', resolve));
		socket.write('GET /en/ HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
		let answer = '';
		socket.on('data', (chunk) => (answer += chunk));
		await new Promise((resolve) => socket.once('close', resolve));
		expect(answer).toMatch(/^HTTP\/1\.1 408/);
		expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
	} finally {
		await server.stop();
	}
});

test('SIGTERM during 16 writers: requests in flight finish, no 500, every acknowledged pledge is stored', async () => {
	const file = databaseFile('sigterm');
	const server = await ownServer(file);
	const { token } = createOrganizer(file);
	const statuses = new Map<number, number>();
	const acknowledged: string[] = [];
	let stoppedAt = 0;
	const writer = async (index: number) => {
		for (let i = 0; i < 2000; i++) {
			let response: Response;
			try {
				response = await fetch(`${server.origin}/api/pledges`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
					body: JSON.stringify({ government: 'Ville de Grigny', country: 'FR', title: `Writer ${index} pledge ${i}`, compacts: ['GCR'] })
				});
			} catch {
				return; // the server has stopped accepting
			}
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
			if (response.status === 201) acknowledged.push(((await response.json()) as { id: string }).id);
			else await response.body?.cancel();
			if (!stoppedAt && acknowledged.length >= 200) {
				stoppedAt = performance.now();
				server.child.kill('SIGTERM');
			}
		}
	};
	const exited = server.exited();
	await Promise.all(Array.from({ length: 16 }, (_, index) => writer(index)));
	const code = await exited;
	const exitMs = Math.round(performance.now() - stoppedAt);
	const db = new DatabaseSync(file, { readOnly: true });
	const stored = new Set((db.prepare('SELECT id FROM pledges').all() as { id: string }[]).map((row) => row.id));
	db.close();
	console.log(`graceful stop: exit ${code} ${exitMs} ms after SIGTERM; answers ${JSON.stringify(Object.fromEntries(statuses))}; ${acknowledged.length} acknowledged`);
	expect(code).toBe(0);
	expect([...statuses.keys()]).toEqual([201]);
	expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
});

/** A console session for `address`, signed in by the form as a browser posts it; the cookie header of the console's paths. */
async function consoleSession(origin: string, databaseUrl: string, address: string): Promise<string> {
	const organizer = createOrganizer(databaseUrl);
	const response = await fetch(`${origin}/organizers?/signIn`, {
		method: 'POST',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'x-forwarded-for': address },
		body: new URLSearchParams({ email: organizer.email, password: organizer.password }),
		redirect: 'manual'
	});
	expect(response.status).toBe(303);
	return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

test('the organizers’ moderation streams take places under the same caps as the public streams, per address and in all', async () => {
	const file = databaseFile('moderation-cap');
	const server = await ownServer(file, { env: { ADDRESS_HEADER: 'x-forwarded-for', STREAM_LIMIT_PER_ADDRESS: '3', STREAM_LIMIT_TOTAL: '5' } });
	const clients: EventStreamClient[] = [];
	const open = async (path: string, address: string, cookie?: string) => {
		const client = new EventStreamClient(`${server.origin}${path}`, { 'x-forwarded-for': address, ...(cookie ? { cookie } : {}) });
		clients.push(client);
		return (await client.response).statusCode;
	};
	try {
		const cookie = await consoleSession(server.origin, file, '198.51.100.7');
		expect(await open(STREAM, '198.51.100.7')).toBe(200);
		expect(await open('/organizers/questions/stream', '198.51.100.7', cookie)).toBe(200);
		expect(await open('/organizers/questions/stream', '198.51.100.7', cookie)).toBe(200);
		// The address holds three: a fourth moderation stream, or a public one, is refused alike.
		expect(await open('/organizers/questions/stream', '198.51.100.7', cookie)).toBe(429);
		expect(await open(STREAM, '198.51.100.7')).toBe(429);
		// Five in all: two more from other addresses, then none, whatever the kind.
		expect(await open('/organizers/questions/stream', '198.51.100.8', cookie)).toBe(200);
		expect(await open(STREAM, '198.51.100.9')).toBe(200);
		expect(await open('/organizers/questions/stream', '198.51.100.10', cookie)).toBe(503);
		expect(await open(STREAM, '198.51.100.10')).toBe(503);
		// A moderation stream that closes gives its place back.
		clients[1].close();
		await expect.poll(() => open('/organizers/questions/stream', '198.51.100.10', cookie)).toBe(200);
	} finally {
		for (const client of clients) client.close();
		await server.stop();
	}
});
