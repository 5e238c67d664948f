// @ts-check
// Live captions (issue 24): caption lines accepted per second over HTTP (each a durable commit, under
// each captioner's own rate limit), then, with streams open (half on `?captions=en`, half on
// `?captions=fr`), the time from a line's acknowledgement to its arrival on every stream of its
// language, whether the other language's streams got it, and the bytes a line costs each viewer.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { startServer } from '../server.js';
import { generator, ms, nowMs, organizerToken, percentile, sleep } from '../stream-load.js';

export const name = 'captions: lines accepted per second, line to arrival at 5,000 streams (half per language), bytes per line';

const STREAMS = Number(process.env.BENCH_CAPTIONS_STREAMS ?? 5000);
const SAMPLES = Number(process.env.BENCH_CAPTIONS_SAMPLES ?? 20);
const CAPTIONERS = Number(process.env.BENCH_CAPTIONERS ?? 16);
// Below a captioner's limit (50 lines in 5 s, src/lib/server/captions/ingest.ts): the figure is the server's, not the limit's.
const LINES_PER_CAPTIONER = 45;

/** A new captioner's token on the store. @param {string} databaseUrl @param {number} n */
function captionerToken(databaseUrl, n) {
	const output = execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/organizers.ts', 'add-captioner', `bench-captioner-${n}-${Date.now()}@example.org`], {
		env: { ...process.env, DATABASE_URL: databaseUrl },
		encoding: 'utf8'
	});
	const token = /^token: (\S+)$/m.exec(output)?.[1];
	if (!token) throw new Error('the organizers CLI printed no captioner token');
	return token;
}

export async function run() {
	const server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for', STREAM_LIMIT_PER_ADDRESS: '0' } });
	const organizer = organizerToken(server.databaseFile);
	const tokens = Array.from({ length: CAPTIONERS }, (_, n) => captionerToken(server.databaseFile, n));
	const { hostname: host, port } = new URL(server.origin);
	/** @param {string} token @param {unknown} body */
	const post = (token, body) =>
		fetch(`${server.origin}/api/captions`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' }, body: JSON.stringify(body) });
	const opened = await fetch(`${server.origin}/api/captions/open`, { method: 'PUT', headers: { authorization: `Bearer ${organizer}`, 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' }, body: '{"open":true}' });
	if (!opened.ok) throw new Error(`PUT /api/captions/open answered ${opened.status}`);
	console.log(`${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; SQLite (synchronous=FULL, group commit)`);

	for (const inFlight of [1, CAPTIONERS]) {
		const started = nowMs();
		let accepted = 0;
		await Promise.all(
			tokens.slice(0, inFlight).map(async (token, n) => {
				for (let i = 0; i < LINES_PER_CAPTIONER; i += 1) if ((await post(token, { lang: n % 2 ? 'fr' : 'en', text: `Rate ${inFlight} ${n} ${i}` })).status === 200) accepted += 1;
			})
		);
		console.log(`caption lines accepted: ${((accepted * 1000) / (nowMs() - started)).toFixed(0)}/s with ${inFlight} captioner(s) posting`);
		// Past the captioners' window, so the next round starts under the limit.
		await sleep(5_100);
	}

	// The bytes of one line on the wire, as a viewer receives it.
	const viewer = await fetch(`${server.origin}/api/live?topics=count&captions=en`, { headers: { 'x-forwarded-for': '192.0.2.2' } });
	const reader = /** @type {ReadableStreamDefaultReader<Uint8Array>} */ (viewer.body?.getReader());
	await reader.read();
	const sampleText = 'Good afternoon, and welcome to this side event of the International Migration Review Forum.';
	await post(tokens[0], { lang: 'en', text: sampleText });
	let wire = '';
	while (!wire.includes(sampleText)) wire += new TextDecoder().decode((await reader.read()).value);
	const frame = wire.slice(wire.lastIndexOf('id: ', wire.indexOf(sampleText)));
	console.log(`bytes per line per viewer: ${Buffer.byteLength(frame.slice(0, frame.indexOf('\n\n') + 2))} for a line of ${sampleText.length} characters`);
	await reader.cancel();
	await sleep(5_100);

	const languages = ['en', 'fr'];
	const generators = languages.map(generator);
	try {
		await Promise.all(generators.map((g) => g.ready));
		const held = await Promise.all(
			generators.map((g, index) => {
				const answer = g.next('opened');
				g.child.send({ type: 'open', count: Math.floor(STREAMS / 2), host, port: Number(port), addressHeader: 'x-forwarded-for', path: `/api/live?topics=count&captions=${languages[index]}` });
				return answer;
			})
		);
		console.log(`streams held: ${held.map((h, index) => `${h.held} ${languages[index]}`).join(', ')} (${held.reduce((sum, h) => sum + h.failed, 0)} failed to open)`);
		await sleep(1_000);
		/** @type {number[]} */ const perStream = [];
		/** @type {number[]} */ const allStreams = [];
		let lost = 0;
		let otherLanguage = 0;
		for (let i = 0; i < SAMPLES; i += 1) {
			const needle = `Sample line ${i} ${Date.now()}`;
			const watching = Promise.all(generators.map((g) => g.next('watching')));
			const arrived = Promise.all(generators.map((g) => g.next('arrived')));
			for (const g of generators) g.child.send({ type: 'expect', needle, timeoutMs: 5_000 });
			await watching;
			const response = await post(tokens[i % tokens.length], { lang: 'en', text: needle });
			if (response.status !== 200) throw new Error(`POST /api/captions answered ${response.status}`);
			const answeredAt = nowMs();
			const [english, french] = await arrived;
			const delays = english.times.filter((/** @type {number | null} */ t) => t !== null).map((/** @type {number} */ t) => Math.max(0, t - answeredAt));
			perStream.push(...delays);
			if (delays.length > 0) allStreams.push(Math.max(...delays));
			lost += english.times.length - delays.length;
			otherLanguage += french.times.filter((/** @type {number | null} */ t) => t !== null).length;
		}
		perStream.sort((a, b) => a - b);
		allStreams.sort((a, b) => a - b);
		console.log(
			`line to arrival at ${held[0].held} English streams: each stream p50 ${ms(percentile(perStream, 50))} / p99 ${ms(percentile(perStream, 99))}; ` +
				`all streams p50 ${ms(percentile(allStreams, 50))} / p99 ${ms(percentile(allStreams, 99))}; lost ${lost}; reached French streams ${otherLanguage}`
		);
		console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
	} finally {
		for (const g of generators) g.child.kill();
		await server.stop();
	}
}
