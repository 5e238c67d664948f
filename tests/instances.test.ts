import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { expect, test } from '@playwright/test';
import { createDatabase, startThrowawayPostgres } from '../src/bin/throwaway-postgres.js';
import { EventStreamClient } from './support/event-stream';
import { createOrganizer } from './support/organizers';
import { freePort, startServerProcess } from './support/server-process';

// Several instances of the built server on one PostgreSQL database, as behind a load balancer. The
// cluster is TEST_DATABASE_URL or the throwaway one tests/support/postgres-setup.ts started; each
// test gets its own database. The build exists already, made by the shared server's start.
const STREAM = '/api/pledges/stream';
const pledge = (title: string) => ({ government: 'Kampala Capital City Authority', country: 'UG', title, compacts: ['GCM'] });

interface Instance {
	origin: string;
	/** The origin form posts must carry (serve.js sets ORIGIN to it). */
	formOrigin: string;
	process: ChildProcess;
}

const running: ChildProcess[] = [];
test.afterEach(async () => {
	await Promise.all(
		running.splice(0).map(async (child) => {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			await once(child, 'exit');
		})
	);
});

async function startInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<Instance> {
	const port = await freePort();
	const child = await startServerProcess(port, databaseUrl, { env: { STREAM_HEARTBEAT_MS: '1000', ...env } });
	running.push(child);
	return { origin: `http://127.0.0.1:${port}`, formOrigin: `http://localhost:${port}`, process: child };
}

async function instances(count: number, databaseUrl: string): Promise<Instance[]> {
	// One after the other: they migrate the new database at start (an advisory lock makes it safe, but the log stays readable).
	const list: Instance[] = [];
	for (let i = 0; i < count; i++) list.push(await startInstance(databaseUrl));
	return list;
}

function post(instance: Instance, token: string, title: string, key?: string) {
	return fetch(`${instance.origin}/api/pledges`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
		body: JSON.stringify(pledge(title))
	});
}

async function stored(instance: Instance): Promise<{ count: number; ids: Set<string> }> {
	const body = (await (await fetch(`${instance.origin}/api/pledges?limit=1000`)).json()) as { count: number; pledges: { id: string }[] };
	return { count: body.count, ids: new Set(body.pledges.map((p) => p.id)) };
}

function signIn(instance: Instance, email: string, password: string) {
	return fetch(`${instance.origin}/organizers?/signIn`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: instance.formOrigin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password })
	});
}

const adminUrl = () => {
	const url = process.env.TEST_DATABASE_URL;
	if (!url) throw new Error('TEST_DATABASE_URL is not set (tests/support/postgres-setup.ts sets it)');
	return url;
};

test.describe('several instances on one PostgreSQL database', () => {
	test.describe.configure({ timeout: 120_000 });

	test('a pledge recorded on one instance reaches the open streams on the others', async () => {
		const databaseUrl = await createDatabase(adminUrl(), 'imrf_instances');
		const { token } = createOrganizer(databaseUrl);
		const [a, b, c] = await instances(3, databaseUrl);
		const viewers = [b, c].map((instance) => new EventStreamClient(`${instance.origin}${STREAM}`));
		try {
			for (const viewer of viewers) await viewer.until(() => viewer.counts[0], 10_000, 'the first count');
			const before = viewers.map((viewer) => viewer.counts.at(-1)!.count);
			const response = await post(a, token, 'Recorded on A');
			expect(response.status).toBe(201);
			const acknowledged = performance.now();
			const arrivals = await Promise.all(
				viewers.map(async (viewer, index) => {
					await viewer.until(() => viewer.counts.some((event) => event.count === before[index] + 1 && event.latest[0]?.title === 'Recorded on A'), 10_000, 'the pledge from A');
					return performance.now() - acknowledged;
				})
			);
			// The figure is printed, not asserted (a loaded machine is no proof of slowness): the bench measures it.
			console.log(`instances: acknowledgement on A to arrival on B and C: ${arrivals.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
			// Ids keep increasing across instances, so a browser that moves keeps a sensible Last-Event-ID.
			for (const viewer of viewers) {
				const ids = viewer.counts.map((event) => event.id);
				expect(ids).toEqual([...ids].sort((x, y) => x - y));
			}
		} finally {
			for (const viewer of viewers) viewer.close();
		}
	});

	test('a session made on one instance is valid on another, and sign-in failures count across instances', async () => {
		const databaseUrl = await createDatabase(adminUrl(), 'imrf_instances');
		const organizer = createOrganizer(databaseUrl);
		const [a, b, c] = await instances(3, databaseUrl);

		const signedIn = await signIn(a, organizer.email, organizer.password);
		expect(signedIn.status).toBe(303);
		const cookie = signedIn.headers.getSetCookie().find((value) => value.startsWith('organizer_session='))!.split(';')[0];
		const console = await fetch(`${b.origin}/organizers`, { headers: { cookie }, redirect: 'manual' });
		expect(console.status).toBe(200);
		expect(await console.text()).toContain(organizer.email);

		// Five free wrong passwords for the account, spread over the instances; the sixth, on a third one, is throttled.
		const other = createOrganizer(databaseUrl);
		for (const [index, instance] of [a, b, a, b, a].entries()) {
			expect((await signIn(instance, other.email, `wrong-${index}`)).status, `attempt ${index + 1}`).toBe(400);
		}
		const throttled = await signIn(c, other.email, other.password);
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	test('a retry with the same Idempotency-Key on another instance gets the first answer and stores once', async () => {
		const databaseUrl = await createDatabase(adminUrl(), 'imrf_instances');
		const { token } = createOrganizer(databaseUrl);
		const [a, b] = await instances(2, databaseUrl);
		const first = await post(a, token, 'Once across instances', 'retry-elsewhere');
		expect(first.status).toBe(201);
		const retry = await post(b, token, 'Once across instances', 'retry-elsewhere');
		expect(retry.status).toBe(201);
		expect(retry.headers.get('idempotent-replayed')).toBe('true');
		expect(await retry.json()).toEqual(await first.json());
		// The same key at the same time on both: still one pledge.
		const raced = await Promise.all([post(a, token, 'Raced', 'raced'), post(b, token, 'Raced', 'raced')]);
		expect(raced.map((response) => response.status)).toEqual([201, 201]);
		expect((await stored(a)).count).toBe(2);
		expect((await post(b, token, 'Another pledge', 'retry-elsewhere')).status).toBe(422);
	});

	test('kill -9 of one instance during a burst of writes: every acknowledged pledge is there, its viewers get the current count elsewhere', async () => {
		const databaseUrl = await createDatabase(adminUrl(), 'imrf_instances');
		const { token } = createOrganizer(databaseUrl);
		const [a, b] = await instances(2, databaseUrl);
		const viewer = new EventStreamClient(`${a.origin}${STREAM}`);
		await viewer.until(() => viewer.counts[0], 10_000, 'the first count');

		const acknowledged = new Set<string>();
		let unacknowledged = 0;
		let killedAt = 0;
		let n = 0;
		async function writer(index: number): Promise<void> {
			// Half the writers on A until it dies, then on B; the others on B throughout.
			while (acknowledged.size < 120) {
				const instance = index % 2 === 0 && !killedAt ? a : b;
				try {
					const response = await post(instance, token, `Burst ${n++}`);
					if (response.status === 201) acknowledged.add(((await response.json()) as { id: string }).id);
					else unacknowledged++;
				} catch {
					unacknowledged++; // the connection died with the instance: nothing was promised
				}
				if (!killedAt && acknowledged.size >= 40) {
					killedAt = performance.now();
					a.process.kill('SIGKILL');
				}
			}
		}
		await Promise.all(Array.from({ length: 8 }, (_, index) => writer(index)));
		await viewer.until(() => viewer.isEnded, 10_000, 'the stream on the killed instance to end');
		expect(a.process.signalCode).toBe('SIGKILL');

		// What the browser does after a dropped stream: reconnect (here to the other instance), with its last id.
		const lastId = String(viewer.counts.at(-1)!.id);
		const moved = new EventStreamClient(`${b.origin}${STREAM}`, { 'last-event-id': lastId });
		try {
			const now = await stored(b);
			const first = await moved.until(() => moved.counts[0], 10_000, 'the count on the other instance');
			console.log(`instances: viewer back on B with the current count ${((performance.now() - killedAt) / 1000).toFixed(2)} s after the kill (browsers wait their retry delay, 1–5 s, on top)`);
			expect(first.count).toBeGreaterThanOrEqual(now.count);
			const lost = [...acknowledged].filter((id) => !now.ids.has(id));
			console.log(`instances: ${acknowledged.size} acknowledged, ${lost.length} lost, ${now.count} stored, ${unacknowledged} unacknowledged`);
			expect(lost).toEqual([]);
			expect(now.count).toBe(now.ids.size);
		} finally {
			moved.close();
			viewer.close();
		}
	});

	test('PostgreSQL restarted during writes: no acknowledged pledge lost, 503 while it is away, streams resume', async () => {
		// Its own cluster, since this one is stopped and started.
		const cluster = await startThrowawayPostgres();
		try {
			const databaseUrl = await cluster.createDatabase('imrf_restart');
			const { token } = createOrganizer(databaseUrl);
			const [a, b] = await instances(2, databaseUrl);
			const viewer = new EventStreamClient(`${b.origin}${STREAM}`);
			await viewer.until(() => viewer.counts[0], 10_000, 'the first count');

			const acknowledged = new Set<string>();
			const statuses = new Map<number, number>();
			let isDone = false;
			let n = 0;
			async function writer(): Promise<void> {
				while (!isDone) {
					const response = await post(a, token, `Restart ${n++}`).catch(() => undefined);
					if (!response) continue;
					statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
					if (response.status === 201) acknowledged.add(((await response.json()) as { id: string }).id);
					else await response.arrayBuffer();
					if (response.status !== 201) await new Promise((resolve) => setTimeout(resolve, 20));
				}
			}
			const writers = Array.from({ length: 4 }, writer);
			await expect.poll(() => acknowledged.size, { timeout: 30_000 }).toBeGreaterThanOrEqual(20);

			await cluster.kill();
			// While it is away: writes get a clear 503, pages that need no database still answer, /healthz says so.
			const refused = await post(a, token, 'While down');
			expect(refused.status).toBe(503);
			expect(await refused.json()).toMatchObject({ error: 'store-unavailable', message: expect.stringMatching(/nothing was stored/) });
			expect((await fetch(`${a.origin}/en/`)).status).toBe(200);
			expect((await fetch(`${b.origin}/healthz`)).status).toBe(503);
			const countWhileDown = viewer.counts.at(-1)!.count;
			expect(viewer.isEnded).toBe(false);

			await cluster.start();
			const ackedBefore = acknowledged.size;
			await expect.poll(() => acknowledged.size, { timeout: 30_000 }).toBeGreaterThan(ackedBefore + 10);
			isDone = true;
			await Promise.all(writers);

			const now = await stored(a);
			const lost = [...acknowledged].filter((id) => !now.ids.has(id));
			console.log(`instances: PostgreSQL restart: ${acknowledged.size} acknowledged, ${lost.length} lost, statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
			expect(lost).toEqual([]);
			expect([...statuses.keys()].every((status) => status === 201 || status === 503)).toBe(true);
			// The stream stayed open with the last count, and follows the ledger again by itself.
			await viewer.until(() => viewer.counts.at(-1)!.count === now.count, 15_000, 'the stream to catch up after the restart');
			expect(now.count).toBeGreaterThan(countWhileDown);
			viewer.close();
		} finally {
			await cluster.stop();
		}
	});
});
