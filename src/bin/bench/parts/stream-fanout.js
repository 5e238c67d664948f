// @ts-check
// Live pledge stream under a crowd: stream clients held by one server process, time from a
// pledge's acknowledgement (201 received) to its arrival on every open stream at 1k, 5k and 10k
// clients, the server's memory per client, and durable pledge writes per second.
// Targets (issue 6): 10,000 held; p99 ≤ 250 ms at 5,000 and ≤ 500 ms at 10,000; ≤ 32 KiB per client.
import { cpus, loadavg } from 'node:os';
import { startServer } from '../server.js';
import { generator, ms, nowMs, organizerToken, percentile, sleep } from '../stream-load.js';

export const name = 'stream-fanout: live pledge count to 1k/5k/10k event-stream clients';

const LEVELS = (process.env.BENCH_STREAM_LEVELS ?? '1000,5000,10000').split(',').map(Number);
const PLEDGES_PER_LEVEL = Number(process.env.BENCH_STREAM_PLEDGES ?? 20);
// Several generators, so that reading ten thousand sockets is not one event loop's queue.
const GENERATORS = Number(process.env.BENCH_STREAM_GENERATORS ?? 2);

export async function run() {
	const server = await startServer({ env: { STREAM_LIMIT_PER_ADDRESS: process.env.STREAM_LIMIT_PER_ADDRESS ?? '0' } }); // every load generator shares 127.0.0.1: no per-address cap
	const token = organizerToken(server.databaseFile);
	const { hostname: host, port } = new URL(server.origin);
	let count = 0;

	/** @param {string} title */
	async function recordPledge(title) {
		const response = await fetch(`${server.origin}/api/pledges`, {
			method: 'POST',
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
			body: JSON.stringify({ government: 'Kampala Capital City Authority', country: 'UG', title, compacts: ['GCM'] })
		});
		if (response.status !== 201) throw new Error(`POST /api/pledges answered ${response.status}`);
		await response.arrayBuffer();
	}

	const generators = Array.from({ length: GENERATORS }, generator);
	try {
		await Promise.all(generators.map((g) => g.ready));
		// Warm the server (routes loaded, the hub created, the store open) before the memory baseline.
		await recordPledge('warm-up');
		count += 1;
		await fetch(`${server.origin}/api/pledges/stream`).then((r) => r.body?.cancel());
		await sleep(500);
		const baselineRss = server.rssBytes();
		// Figures depend on what else the machine runs: say so next to them.
		console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${GENERATORS} load generators`);
		console.log(`server RSS before clients: ${(baselineRss / 2 ** 20).toFixed(1)} MiB`);
		console.log('clients | held | open failures | RSS per client | arrival p50 / p99 (each client) | all clients p50 / p99 (per pledge) | lost');

		let held = 0;
		for (const level of LEVELS) {
			const toOpen = level - held;
			const opened = await Promise.all(
				generators.map((g, index) => {
					const share = Math.floor(toOpen / GENERATORS) + (index < toOpen % GENERATORS ? 1 : 0);
					const answer = g.next('opened');
					g.child.send({ type: 'open', count: share, host, port: Number(port) });
					return answer;
				})
			);
			// Each generator answers with all it holds so far.
			held = opened.reduce((sum, o) => sum + o.held, 0);
			const failed = opened.reduce((sum, o) => sum + o.failed, 0);
			await sleep(1_000);
			const rssPerClient = (server.rssBytes() - baselineRss) / held;

			/** @type {number[]} */ const perClient = [];
			/** @type {number[]} */ const allClients = [];
			let lost = 0;
			for (let i = 0; i < PLEDGES_PER_LEVEL; i += 1) {
				count += 1;
				const watching = Promise.all(generators.map((g) => g.next('watching')));
				const arrived = Promise.all(generators.map((g) => g.next('arrived')));
				for (const g of generators) g.child.send({ type: 'expect', count, timeoutMs: 10_000 });
				await watching;
				await recordPledge(`bench ${level} #${i}`);
				const acknowledgedAt = nowMs();
				const times = (await arrived).flatMap((a) => a.times);
				const delays = times.filter((t) => t !== null).map((t) => t - acknowledgedAt);
				lost += times.length - delays.length;
				perClient.push(...delays);
				if (delays.length > 0) allClients.push(Math.max(...delays));
				// Past the hub's 100 ms coalescing window: each pledge is its own update.
				await sleep(250);
			}
			perClient.sort((a, b) => a - b);
			allClients.sort((a, b) => a - b);
			console.log(
				`${String(level).padStart(7)} | ${String(held).padStart(5)} | ${String(failed).padStart(13)} | ${`${(rssPerClient / 1024).toFixed(1)} KiB`.padStart(14)} | ` +
					`${ms(percentile(perClient, 50))} / ${ms(percentile(perClient, 99))} | ${ms(percentile(allClients, 50))} / ${ms(percentile(allClients, 99))} | ${lost}`
			);
		}
		console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
		const health = await fetch(`${server.origin}/healthz`);
		console.log(`server reports ${health.headers.get('x-stream-clients')} open streams`);
	} finally {
		for (const g of generators) g.child.send({ type: 'close' });
		await sleep(1_000);
	}

	// Durable writes: each 201 comes after the SQLite commit (synchronous=FULL), no clients attached.
	for (const concurrency of [1, 8]) {
		let writes = 0;
		const cpuBefore = server.cpuMs();
		const until = performance.now() + 3_000;
		await Promise.all(
			Array.from({ length: concurrency }, async (_, worker) => {
				while (performance.now() < until) {
					await recordPledge(`write ${worker}-${writes}`);
					writes += 1;
				}
			})
		);
		const cpuPerWrite = (server.cpuMs() - cpuBefore) / writes;
		console.log(
			`durable pledge writes: ${(writes / 3).toFixed(0)}/s with ${concurrency} in flight, server CPU ${cpuPerWrite.toFixed(2)} ms per write (load average ${loadavg()[0].toFixed(1)}; METRICS=${process.env.METRICS ?? 'on'})`
		);
	}
	await server.stop();
}
