import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createOrganizer } from './support/organizers';
import { freePort, startServerProcess } from './support/server-process';

// Its own server process on a fresh store (the shared test server must not be killed); the build
// exists already, made by the shared server's start.
test('every acknowledged pledge survives a kill -9 in the middle of a burst of writes', async () => {
	test.setTimeout(120_000);
	const databaseFile = join(tmpdir(), `imrf-crash-${process.pid}-${Date.now()}.db`);
	const { token } = createOrganizer(databaseFile);
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let server = await startServerProcess(port, databaseFile);

	const acknowledged = new Set<string>();
	let failed = 0;
	let isKilled = false;
	const writers = 16;
	const killAfterAcks = 150;
	let counter = 0;

	async function writer(): Promise<void> {
		while (!isKilled) {
			const n = counter++;
			try {
				const response = await fetch(`${origin}/api/pledges`, {
					method: 'POST',
					headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `crash-${n}` },
					body: JSON.stringify({ government: `City ${n}`, country: 'UG', title: `Crash test pledge ${n}`, compacts: ['GCM'] })
				});
				if (response.status === 201) acknowledged.add(((await response.json()) as { id: string }).id);
				else failed++;
			} catch {
				failed++; // the connection died with the server: not acknowledged, so not promised
			}
			if (!isKilled && acknowledged.size >= killAfterAcks) {
				isKilled = true;
				server.kill('SIGKILL');
			}
		}
	}

	await Promise.all(Array.from({ length: writers }, writer));
	if (server.exitCode === null && server.signalCode === null) await once(server, 'exit');
	expect(server.signalCode).toBe('SIGKILL');

	server = await startServerProcess(port, databaseFile);
	try {
		const body = (await (await fetch(`${origin}/api/pledges?limit=1000`)).json()) as { count: number; pledges: { id: string }[] };
		const stored = new Set(body.pledges.map((pledge) => pledge.id));
		const lost = [...acknowledged].filter((id) => !stored.has(id));
		console.log(`crash test: ${acknowledged.size} acknowledged, ${lost.length} lost, ${body.count} stored, ${failed} unacknowledged when killed`);
		expect(acknowledged.size).toBeGreaterThanOrEqual(killAfterAcks);
		expect(lost).toEqual([]);
		expect(body.count).toBeGreaterThanOrEqual(acknowledged.size);
		expect(body.count).toBe(stored.size);
	} finally {
		server.kill('SIGTERM');
		await once(server, 'exit');
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${databaseFile}${suffix}`, { force: true });
	}
});
