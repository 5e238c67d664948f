// @ts-check
// Questions from the audience (issue 14): questions and votes accepted per second over HTTP
// (each a durable commit), then, with 5,000 event streams open, the time from an approval (the
// organizer's 200) and from a vote (the voter's 200) to the arrival of the `questions-delta` change
// carrying it on every stream (an approval: the question whole; a vote: its new count alone), and the votes per second sustained meanwhile. Every viewer is a new browser at its own
// address (X-Forwarded-For), as a crowd is: the per-browser and per-address limits stay out of the way.
// Then, the site's streams closed, the reference nginx+nchan (nchan.js) holding as many streams of the
// same client code: the very bytes the site sent for an approval and for a vote, published to it, from
// the publish's sending to their arrival (issue 23: the site's p99 ≤ 250 ms at 5,000, beside nchan's).
import { cpus, loadavg } from 'node:os';
import { nchanCrowd } from '../nchan.js';
import { startServer } from '../server.js';
import { arrivalFigures, arrivals, capturedEvent, closeGenerators, generator, openStreams, organizerToken, sleep } from '../stream-load.js';

export const name = 'questions: asks and votes per second, approval and vote to arrival at 5,000 streams, beside nginx+nchan';

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
	/** @type {Awaited<ReturnType<typeof nchanCrowd>>} */
	let reference;
	try {
		await Promise.all(generators.map((g) => g.ready));
		const streams = await openStreams(generators, STREAMS, { host, port: Number(port), addressHeader: 'x-forwarded-for' });
		console.log(`streams held: ${streams.held} (${streams.failed} failed to open)`);
		await sleep(1_000);

		/**
		 * `SAMPLES` updates, each to its arrival at every stream: from its writer's answer (a stream that had
		 * it before the answer counts 0), or from the writer's sending (`from`, the reference: nchan answers
		 * a publish after its fan-out).
		 * @param {ReturnType<typeof generator>[]} viewers @param {(i: number) => { needle: string, act: () => Promise<unknown> } | Promise<{ needle: string, act: () => Promise<unknown> }>} sample
		 * @param {'answer' | 'sent'} [from]
		 */
		async function measure(viewers, sample, from = 'answer') {
			const figures = arrivalFigures();
			for (let i = 0; i < SAMPLES; i += 1) {
				const { needle, act } = await sample(i);
				for (const delays of await arrivals(viewers, needle, act, { from })) figures.add(delays.map((d) => (d === null ? null : Math.max(0, d))));
				// Past the questions' coalescing window (250 ms): each sample is its own update.
				await sleep(400);
			}
			return figures;
		}

		const approvals = await measure(generators, async (i) => {
			const id = await ask(`Approved live ${i}`);
			return { needle: `"id":"${id}"`, act: () => organizer(`/api/questions/${id}`, 'PATCH', { status: 'approved' }) };
		});
		const target = targets[0];
		let votes = Number((await (await fetch(`${server.origin}/api/questions`)).json()).questions.find((/** @type {{ id: string }} */ q) => q.id === target).votes);
		// A lone vote's change: `{"version":n,"votes":{"<id>":<count>}}`.
		const voteNeedle = () => `"${target}":${(votes += 1)}}`;
		const voteUpdates = await measure(generators, () => ({ needle: voteNeedle(), act: () => vote(target) }));

		const perSecond = await rate(16, (n) => vote(targets[n % targets.length]));
		console.log(`votes sustained while ${streams.held} viewers watch: ${perSecond.toFixed(0)}/s with 16 in flight; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
		await sleep(400);

		// The bytes the site sent every viewer for an approval and for a lone vote: the reference publishes the same.
		const stream = `${server.origin}/api/pledges/stream`;
		const viewer = { 'x-forwarded-for': address() };
		const approved = await ask('Approved for the reference');
		const approval = await capturedEvent(
			stream,
			async () => {
				await organizer(`/api/questions/${approved}`, 'PATCH', { status: 'approved' });
				return `"id":"${approved}"`;
			},
			viewer
		);
		await sleep(400);
		let lastCount = 0;
		const lone = await capturedEvent(stream, async () => `"${target}":${(lastCount = await vote(target))}}`, viewer);
		await closeGenerators(generators);

		reference = await nchanCrowd(STREAMS, GENERATORS);
		console.log(`this site: from the writer's answer (the organizer's or voter's 200) to arrival${reference ? "; nginx+nchan (one worker process): from the publish request's sending, the same bytes" : ''}`);
		console.log('update   | server      | streams | bytes of data | each stream p50 / p99 | all streams p50 / p99 | lost');
		/** @param {string} what @param {string} who @param {number} held @param {string} data @param {ReturnType<typeof arrivalFigures>} figures */
		const row = (what, who, held, data, figures) =>
			`${what.padEnd(8)} | ${who.padEnd(11)} | ${String(held).padStart(7)} | ${String(Buffer.byteLength(data)).padStart(13)} | ${figures.percentiles('each')} | ${figures.percentiles('all')} | ${figures.lost}`;
		console.log(row('approval', 'this site', streams.held, approval.data, approvals));
		console.log(row('vote', 'this site', streams.held, lone.data, voteUpdates));

		if (!reference) return;
		const { nchan } = reference;
		const referenceStreams = await reference.open(STREAMS, 'questions');
		await sleep(1_000);
		// The site's payloads, each sample with its own question id (same length) or vote count, so each is found on the wire.
		const theirApprovals = await measure(reference.generators, (i) => {
			const id = `${approved.slice(0, -12)}${String(i).padStart(12, '0')}`;
			const data = approval.data.replace(`"id":"${approved}"`, `"id":"${id}"`);
			return { needle: `"id":"${id}"`, act: () => nchan.publish('questions', approval.event, data) };
		}, 'sent');
		const theirVotes = await measure(reference.generators, (i) => {
			const needle = `"${target}":${lastCount + 1 + i}}`;
			return { needle, act: () => nchan.publish('questions', lone.event, lone.data.replace(`"${target}":${lastCount}}`, needle)) };
		}, 'sent');
		console.log(row('approval', 'nginx+nchan', referenceStreams.held, approval.data, theirApprovals));
		console.log(row('vote', 'nginx+nchan', referenceStreams.held, lone.data, theirVotes));
		console.log(`nginx+nchan: one worker process, ${(reference.memoryPerStream(referenceStreams.held) / 1024).toFixed(1)} KiB per stream; load average after ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
	} finally {
		await closeGenerators(generators);
		await reference?.stop();
		await server.stop();
	}
}
