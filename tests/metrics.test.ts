import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EventStreamClient } from './support/event-stream';
import { recordPledge } from './support/organizer-token';
import { createOrganizer, uniqueTitle } from './support/organizers';
import { askAsViewer, questionsApi, uniqueQuestion } from './support/questions';
import { ownServer, rawRequest } from './support/server-process';

// GET /metrics on a server of this test's own (with METRICS_TOKEN), after real traffic, checked by
// Prometheus's own checker (promtool, Debian's `prometheus`; .ci/run installs it).
const METRICS_TOKEN = 'metrics-token-for-the-test';
const dir = mkdtempSync(join(tmpdir(), 'imrf-metrics-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('/metrics does not exist unless METRICS_TOKEN is set', async ({ request }) => {
	expect((await request.get('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status()).toBe(404);
});

test('/metrics answers only the bearer of METRICS_TOKEN, in a format promtool accepts, with what the traffic did', async () => {
	test.setTimeout(90_000);
	const database = join(dir, 'site.db');
	const server = await ownServer(database, { env: { METRICS_TOKEN } });
	let stream: EventStreamClient | undefined;
	try {
		// A connection of its own each time (no pooled keep-alive connection to a server an earlier test stopped on this port).
		const scrape = (headers: Record<string, string> = {}) => rawRequest(server.port, '/metrics', { headers });
		expect((await scrape()).status).toBe(401);
		expect((await scrape({ authorization: 'Bearer wrong' })).status).toBe(401);

		const organizer = createOrganizer(database);
		await recordPledge(server.origin, organizer.token, uniqueTitle('Counted'));
		expect((await fetch(`${server.origin}/api/pledges`, { method: 'POST', headers: { authorization: 'Bearer not-a-token', 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
		const signIn = await fetch(`${server.origin}/organizers?/signIn`, {
			method: 'POST',
			redirect: 'manual',
			headers: { origin: server.origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
			body: new URLSearchParams({ email: organizer.email, password: 'not the password' })
		});
		expect(signIn.status).toBe(400);
		await questionsApi(server.origin, organizer.token).setOpen(true);
		await askAsViewer(server.origin, uniqueQuestion('Counted'));
		stream = new EventStreamClient(`http://127.0.0.1:${server.port}/api/pledges/stream`);
		await stream.until(() => stream?.counts.length, 10_000, 'the first count');

		const answer = await scrape({ authorization: `Bearer ${METRICS_TOKEN}` });
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
		const text = answer.body;
		// promtool exits non-zero on anything it finds wrong, and says what.
		execFileSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
		const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
		expect(value('imrf_stream_open{topic="count"}')).toBe(1);
		expect(value('imrf_stream_events_sent_total{event="count"}')).toBeGreaterThanOrEqual(1);
		expect(value('imrf_write_duration_seconds_count{kind="POST /api/pledges"}')).toBe(2);
		expect(value('imrf_sign_in_refusals_total{reason="wrong-credentials"}')).toBe(1);
		expect(value('imrf_sign_in_refusals_total{reason="invalid-token"}')).toBe(1);
		expect(value('imrf_questions{state="pending"}')).toBe(1);
		expect(value('imrf_store_faults_total')).toBe(0);
		expect(value('process_resident_memory_bytes')).toBeGreaterThan(0);
	} finally {
		stream?.close();
		await server.stop();
	}
});
