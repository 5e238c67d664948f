import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EventStreamClient } from './support/event-stream';
import { recordPledge } from './support/organizer-token';
import { createOrganizer, uniqueTitle } from './support/organizers';
import { ownServer } from './support/server-process';

// The server's log (JSON lines through pino on standard output) and its readiness, on servers of
// this file's own whose output it reads.
const dir = mkdtempSync(join(tmpdir(), 'imrf-logs-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('the log has a JSON line per request with the id sent as X-Request-Id, and no password, token, cookie, secret link or client address', async () => {
	test.setTimeout(90_000);
	const database = join(dir, 'logged.db');
	const server = await ownServer(database, { stdout: 'pipe', stderr: 'pipe' });
	let output = '';
	let errors = '';
	server.child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
	server.child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
	try {
		const organizer = createOrganizer(database);
		await recordPledge(server.origin, organizer.token, uniqueTitle('Logged'));
		const signIn = await fetch(`${server.origin}/organizers?/signIn`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email: organizer.email, password: organizer.password })
		});
		const cookie = signIn.headers.getSetCookie().map((line) => line.split(';')[0]);
		expect(cookie.length).toBeGreaterThan(0);
		const sessionValue = cookie[0].split('=')[1];
		// A link that carries a secret in its path and its query, as an invitation's does.
		const secretInPath = 'k7Qm2ZpX9vLr4TnW8yBc3HdF6sJa';
		const secretInQuery = 'Zq8Wm3Xp7Lr2Vn6Ty4Bc9HdF5sJk';
		await fetch(`${server.origin}/en/report/${secretInPath}?token=${secretInQuery}`, { headers: { cookie: cookie.join('; ') } });
		const answer = await fetch(`${server.origin}/healthz`, { headers: { 'x-request-id': 'probe-42' } });
		expect(answer.headers.get('x-request-id')).toBe('probe-42');
		const own = await fetch(`${server.origin}/en/`);
		const ownId = own.headers.get('x-request-id');
		expect(ownId).toMatch(/^\S{8,}$/);

		// A stream's line comes when it closes: the first through the route, which loads the socket path for the next.
		for (const id of ['stream-route-1', 'stream-socket-2']) {
			const stream = new EventStreamClient(`${server.origin}/api/pledges/stream`, { 'x-request-id': id });
			await stream.until(() => stream.counts[0], 5_000, 'the first count event');
			stream.close();
		}

		await expect.poll(() => output.includes('"probe-42"') && output.includes(`"${ownId}"`) && output.includes('"stream-socket-2"')).toBe(true);
		const lines = output
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as Record<string, unknown>);
		expect(lines.find((line) => line.id === 'probe-42')).toMatchObject({ msg: 'request', method: 'GET', path: '/healthz', status: 200 });
		for (const id of ['stream-route-1', 'stream-socket-2']) expect(lines.find((line) => line.id === id)).toMatchObject({ msg: 'request', method: 'GET', path: '/api/pledges/stream', status: 200 });
		expect(lines.some((line) => line.msg === 'start')).toBe(true);
		expect(lines.some((line) => line.msg === 'migration')).toBe(true);
		for (const secret of [organizer.password, organizer.token, sessionValue, secretInPath, secretInQuery, '127.0.0.1', '::1']) expect(output + errors, secret).not.toContain(secret);
	} finally {
		await server.stop();
	}
	expect(output).toContain('"msg":"shutdown"');
});

test('/readyz answers 200 when the store answers, and 503 while draining after SIGTERM while /healthz is unchanged', async () => {
	test.setTimeout(60_000);
	const server = await ownServer(join(dir, 'ready.db'), { env: { SHUTDOWN_DRAIN_MS: '5000' } });
	try {
		const ready = await fetch(`${server.origin}/readyz`);
		expect(ready.status).toBe(200);
		expect(ready.headers.get('cache-control')).toBe('no-store');
		const exited = server.exited();
		server.child.kill('SIGTERM');
		await expect.poll(async () => (await fetch(`${server.origin}/readyz`)).status).toBe(503);
		expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
		await exited;
	} finally {
		await server.stop();
	}
});
