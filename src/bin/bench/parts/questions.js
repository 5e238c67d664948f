// @ts-check
// Questions from the audience (issue 14): questions and votes accepted per second over HTTP
// (each a durable commit), then, with 5,000 event streams open, the time from an approval (the
// organizer's 200) and from a vote (the voter's 200) to the arrival of the `questions-delta` change
// carrying it on every stream (an approval: the question whole; a vote: its new count alone), and the votes per second sustained meanwhile. Every viewer is a new browser at its own
// address (X-Forwarded-For), as a crowd is: the per-browser and per-address limits stay out of the way.
import { cpus, loadavg } from 'node:os';
import { startServer } from '../server.js';
import { generator, ms, nowMs, organizerToken, percentile, sleep } from '../stream-load.js';

export const name = 'questions: asks and votes per second, approval and vote to arrival at 5,000 streams';

const STREAMS = Number(process.env.BENCH_QUESTIONS_STREAMS ?? 5000);
const SAMPLES = Number(process.env.BENCH_QUESTIONS_SAMPLES ?? 20);
const GENERATORS = Number(process.env.BENCH_STREAM_GENERATORS ?? 2);
const SECONDS = 3;
// Approved questions voted on (with the samples', about 40: within the snapshot's top 50).
const TARGETS = Number(process.env.BENCH_QUESTIONS_TARGETS ?? 20);

let nextAddress = 1;
/** A fresh client address for each request, as many phones behind many networks. */
const address = () => {
	const n = nextAddress++;
	return `198.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

export async function run() {
	const server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for', STREAM_LIMIT_PER_ADDRESS: '0' } });
	const token = organizerToken(server.databaseFile);
	const { hostname: host, port } = new URL(server.origin);
	const admin = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' };

	/** @param {string} path @param {string} method @param {unknown} body */
	async function organizer(path, method, body) {
		const response = await fetch(`${server.origin}${path}`, { method, headers: admin, body: JSON.stringify(body) });
		if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
		return response.json();
	}
	/** @param {string} text @returns {Promise<string>} */
	async function ask(text) {
		const response = await fetch(`${server.origin}/api/questions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-forwarded-for': address() },
			body: JSON.stringify({ text, lang: 'en' })
		});
		if (response.status !== 202) throw new Error(`POST /api/questions answered ${response.status}: ${await response.text()}`);
		return (await response.json()).id;
	}
	/** @param {string} id @returns {Promise<number>} */
	async function vote(id) {
		const response = await fetch(`${server.origin}/api/questions/${id}/vote`, { method: 'POST', headers: { 'x-forwarded-for': address() } });
		if (response.status !== 200) throw new Error(`vote answered ${response.status}: ${await response.text()}`);
		return (await response.json()).votes;
	}
	/** Runs `work` from `concurrency` clients for SECONDS; the rate of completions. @param {number} concurrency @param {(n: number) => Promise<unknown>} work */
	async function rate(concurrency, work) {
		let done = 0;
		const until = performance.now() + SECONDS * 1000;
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				while (performance.now() < until) {
					await work(done);
					done += 1;
				}
			})
		);
		return done / SECONDS;
	}

	await organizer('/api/questions/open', 'PUT', { open: true });
	console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; SQLite (synchronous=FULL, group commit)`);
	let asked = 0;
	for (const concurrency of [1, 16]) {
		const perSecond = await rate(concurrency, () => ask(`Bench question ${(asked += 1)}`));
		console.log(`questions accepted: ${perSecond.toFixed(0)}/s with ${concurrency} in flight`);
	}
	// Vote targets: approved questions with short texts, so an update's text can be found on the wire.
	/** @type {string[]} */
	const targets = [];
	for (let i = 0; i < TARGETS; i += 1) {
		const id = await ask(`Target ${i}`);
		await organizer(`/api/questions/${id}`, 'PATCH', { status: 'approved' });
		targets.push(id);
	}
	for (const concurrency of [1, 16]) {
		const perSecond = await rate(concurrency, (n) => vote(targets[n % targets.length]));
		console.log(`votes accepted: ${perSecond.toFixed(0)}/s with ${concurrency} in flight (no streams open)`);
	}

	const generators = Array.from({ length: GENERATORS }, generator);
	try {
		await Promise.all(generators.map((g) => g.ready));
		const opened = await Promise.all(
			generators.map((g, index) => {
				const share = Math.floor(STREAMS / GENERATORS) + (index < STREAMS % GENERATORS ? 1 : 0);
				const answer = g.next('opened');
				g.child.send({ type: 'open', count: share, host, port: Number(port), addressHeader: 'x-forwarded-for' });
				return answer;
			})
		);
		const held = opened.reduce((sum, o) => sum + o.held, 0);
		console.log(`streams held: ${held} (${opened.reduce((sum, o) => sum + o.failed, 0)} failed to open)`);
		await sleep(1_000);

		/** Time from `act`'s answer to the arrival of `needle` on every stream. @param {string} needle @param {() => Promise<unknown>} act */
		async function arrival(needle, act) {
			const watching = Promise.all(generators.map((g) => g.next('watching')));
			const arrived = Promise.all(generators.map((g) => g.next('arrived')));
			for (const g of generators) g.child.send({ type: 'expect', needle, timeoutMs: 10_000 });
			await watching;
			await act();
			const answeredAt = nowMs();
			const times = (await arrived).flatMap((a) => a.times);
			const delays = times.filter((t) => t !== null).map((t) => Math.max(0, t - answeredAt));
			return { delays, lost: times.length - delays.length };
		}
		/** @param {string} what @param {(i: number) => Promise<{ delays: number[], lost: number }>} sample */
		async function report(what, sample) {
			/** @type {number[]} */ const perClient = [];
			/** @type {number[]} */ const allClients = [];
			let lost = 0;
			for (let i = 0; i < SAMPLES; i += 1) {
				const { delays, lost: missing } = await sample(i);
				perClient.push(...delays);
				if (delays.length > 0) allClients.push(Math.max(...delays));
				lost += missing;
				// Past the questions' coalescing window (250 ms): each sample is its own update.
				await sleep(400);
			}
			perClient.sort((a, b) => a - b);
			allClients.sort((a, b) => a - b);
			console.log(
				`${what} to arrival at ${held} streams: each stream p50 ${ms(percentile(perClient, 50))} / p99 ${ms(percentile(perClient, 99))}; ` +
					`all streams p50 ${ms(percentile(allClients, 50))} / p99 ${ms(percentile(allClients, 99))}; lost ${lost}`
			);
		}

		await report('approval', async (i) => {
			const id = await ask(`Approved live ${i}`);
			return arrival(`"id":"${id}"`, () => organizer(`/api/questions/${id}`, 'PATCH', { status: 'approved' }));
		});
		const target = targets[0];
		let votes = Number((await (await fetch(`${server.origin}/api/questions`)).json()).questions.find((/** @type {{ id: string }} */ q) => q.id === target).votes);
		await report('vote', () => {
			votes += 1;
			// A lone vote's change: `{"version":n,"votes":{"<id>":<count>}}`.
			return arrival(`"${target}":${votes}}`, () => vote(target));
		});

		const perSecond = await rate(16, (n) => vote(targets[n % targets.length]));
		console.log(`votes sustained while ${held} viewers watch: ${perSecond.toFixed(0)}/s with 16 in flight; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
	} finally {
		for (const g of generators) g.child.send({ type: 'close' });
		await sleep(1_000);
		await server.stop();
	}
}
