// @ts-check
// Live pledge stream under a crowd: stream clients held by one server process, time from a
// pledge's acknowledgement (201 received) to its arrival on every open stream at 1k, 5k and 10k
// clients, the server's memory per client, and durable pledge writes per second. At each level, beside
// it, the reference nginx+nchan (nchan.js) holding as many clients of the same client code: from a
// publish's sending (nchan answers it after the fan-out) to its arrival, the count's event as the site
// sent it, memory per client (nchan's worker).
// Targets (issue 6): 10,000 held; p99 ≤ 250 ms at 5,000 and ≤ 500 ms at 10,000; ≤ 32 KiB per client;
// (issue 23) p99 within nginx+nchan's at the same level, ≤ 20 KiB per client.
import { cpus, loadavg } from 'node:os';
import { nchanCrowd } from '../nchan.js';
import { startServer } from '../server.js';
import { arrivalFigures, arrivals, capturedEvent, closeGenerators, generator, openStreams, organizerToken, sleep } from '../stream-load.js';

export const name = 'stream-fanout: live pledge count to 1k/5k/10k event-stream clients, beside nginx+nchan';

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
	/** @type {Awaited<ReturnType<typeof nchanCrowd>>} */
	let reference;
	try {
		await Promise.all(generators.map((g) => g.ready));
		// Warm the server (routes loaded, the hub created, the store open) before the memory baseline.
		await recordPledge('warm-up');
		count += 1;
		await fetch(`${server.origin}/api/pledges/stream`).then((r) => r.body?.cancel());
		await sleep(500);
		const baselineRss = server.rssBytes();
		reference = await nchanCrowd(Math.max(...LEVELS), GENERATORS);
		// Figures depend on what else the machine runs: say so next to them.
		console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${GENERATORS} load generators${reference ? ' (and as many for nginx+nchan)' : ''}`);
		console.log(`server RSS before clients: ${(baselineRss / 2 ** 20).toFixed(1)} MiB`);
		console.log(`this site: from the pledge's 201 (after its durable commit) to arrival${reference ? "; nginx+nchan (one worker process): from the publish request's sending to arrival" : ''}`);
		console.log('clients | server      | held | open failures | memory per client | arrival p50 / p99 (each client) | all clients p50 / p99 (per update) | lost');

		/** One row of the table. @param {number} level @param {string} who @param {{ held: number, failed: number }} streams @param {number} perClient @param {ReturnType<typeof arrivalFigures>} figures */
		const row = (level, who, streams, perClient, figures) =>
			`${String(level).padStart(7)} | ${who.padEnd(11)} | ${String(streams.held).padStart(4)} | ${String(streams.failed).padStart(13)} | ${`${(perClient / 1024).toFixed(1)} KiB`.padStart(17)} | ` +
			`${figures.percentiles('each')} | ${figures.percentiles('all')} | ${figures.lost}`;

		let held = 0;
		let referenceHeld = 0;
		// The counts published to the reference: the site's, in step, so the payload keeps its size.
		let referenceCount = count;
		for (const level of LEVELS) {
			const streams = await openStreams(generators, level - held, { host, port: Number(port) });
			held = streams.held;
			await sleep(1_000);
			const rssPerClient = (server.rssBytes() - baselineRss) / held;
			const ours = arrivalFigures();
			for (let i = 0; i < PLEDGES_PER_LEVEL; i += 1) {
				count += 1;
				for (const delays of await arrivals(generators, `"count":${count},`, () => recordPledge(`bench ${level} #${i}`))) ours.add(delays);
				// Past the hub's 100 ms coalescing window: each pledge is its own update.
				await sleep(250);
			}
			console.log(row(level, 'this site', streams, rssPerClient, ours));
			if (!reference) continue;

			// The count's event as the site sent it at this level: the reference carries the same bytes.
			const countEvent = await capturedEvent(`${server.origin}/api/pledges/stream`, async () => {
				await recordPledge(`bench ${level} sample`);
				return `"count":${(count += 1)},`;
			});

			const referenceStreams = await reference.open(level - referenceHeld, 'count');
			referenceHeld = referenceStreams.held;
			await sleep(1_000);
			const referencePerClient = reference.memoryPerStream(referenceHeld);
			const theirs = arrivalFigures();
			const template = JSON.parse(countEvent.data);
			const { nchan } = reference;
			for (let i = 0; i < PLEDGES_PER_LEVEL; i += 1) {
				referenceCount += 1;
				const data = JSON.stringify({ ...template, count: referenceCount });
				for (const delays of await arrivals(reference.generators, `"count":${referenceCount},`, () => nchan.publish('count', countEvent.event, data), { from: 'sent' })) theirs.add(delays);
				await sleep(250);
			}
			console.log(row(level, 'nginx+nchan', referenceStreams, referencePerClient, theirs) + ` (the site's count event: ${Buffer.byteLength(countEvent.data)} bytes of data)`);
		}
		console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
		const health = await fetch(`${server.origin}/healthz`);
		console.log(`server reports ${health.headers.get('x-stream-clients')} open streams`);
	} finally {
		await closeGenerators(generators);
		await reference?.stop();
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
