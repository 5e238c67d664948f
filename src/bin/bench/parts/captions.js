// @ts-check
// Live captions (issue 24): caption lines accepted per second over HTTP (each a durable commit, under
// each captioner's own rate limit), then, with streams open (half on `?captions=en`, half on
// `?captions=fr`) and each language's captioner writing at a captioner's pace (a partial or final
// line every BENCH_CAPTIONS_LINE_MS), the time from a line's post to its arrival on every stream of
// its language, whether the other language's streams got it, the bytes a line costs each viewer, and,
// on the same streams in the same run, the pledge count's fan-out for comparison.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { startServer } from '../server.js';
import { generator, ms, nowMs, organizerToken, percentile, sleep } from '../stream-load.js';

export const name = 'captions: lines accepted per second, line to arrival at 5,000 streams (half per language) beside the count, bytes per line';

const STREAMS = Number(process.env.BENCH_CAPTIONS_STREAMS ?? 5000);
const SAMPLES = Number(process.env.BENCH_CAPTIONS_SAMPLES ?? 20);
// At least three: one posts the measured lines, one writes each language's running captions.
const CAPTIONERS = Math.max(3, Number(process.env.BENCH_CAPTIONERS ?? 16));
// A captioner's pace: speech at ~180 words a minute, sent as growing partial lines (about 3 a second), each final after 8.
const LINE_MS = Number(process.env.BENCH_CAPTIONS_LINE_MS ?? 300);
const PARTIALS_PER_LINE = 8;
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
	let writing = true;
	/** @type {Promise<void>[]} */
	let captioners = [];
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

		/**
		 * Every generator watches for `needle`, `act` posts once they all are; each generator's arrival delays
		 * from the post's sending (null: never arrived). From the sending, not the answer: a line often
		 * reaches the viewers before its poster reads the 200.
		 * @param {string} needle @param {() => Promise<void>} act @returns {Promise<(number | null)[][]>}
		 */
		async function arrivals(needle, act) {
			const watching = Promise.all(generators.map((g) => g.next('watching')));
			const arrived = Promise.all(generators.map((g) => g.next('arrived')));
			for (const g of generators) g.child.send({ type: 'expect', needle, timeoutMs: 5_000 });
			await watching;
			const sentAt = nowMs();
			await act();
			return (await arrived).map((a) => a.times.map((/** @type {number | null} */ t) => (t === null ? null : t - sentAt)));
		}
		const samples = () => ({ perStream: /** @type {number[]} */ ([]), allStreams: /** @type {number[]} */ ([]), lost: 0 });
		/** @param {ReturnType<typeof samples>} into @param {(number | null)[]} delays */
		const add = (into, delays) => {
			const arrived = /** @type {number[]} */ (delays.filter((d) => d !== null));
			into.perStream.push(...arrived);
			if (arrived.length > 0) into.allStreams.push(Math.max(...arrived));
			into.lost += delays.length - arrived.length;
		};

		// Each language's captioner writes on while the lines are measured: the fan-out carries their partial lines too.
		const words = sampleText.split(' ');
		captioners = languages.map(async (lang, index) => {
			const token = tokens[1 + index];
			for (let line = 0; writing; line += 1) {
				for (let partial = 1; partial <= PARTIALS_PER_LINE && writing; partial += 1) {
					const text = words.slice(0, Math.ceil((partial * words.length) / PARTIALS_PER_LINE)).join(' ');
					await (await post(token, { lang, id: `running-${lang}-${line}`, text, final: partial === PARTIALS_PER_LINE })).arrayBuffer();
					await sleep(LINE_MS);
				}
			}
		}).map((writer) => writer.catch((/** @type {Error} */ error) => console.log(`a running captioner stopped: ${error.message}`)));

		const captions = samples();
		let otherLanguage = 0;
		for (let i = 0; i < SAMPLES; i += 1) {
			const needle = `Sample line ${i} ${Date.now()}`;
			const posted = nowMs();
			const [english, french] = await arrivals(needle, async () => {
				const response = await post(tokens[0], { lang: 'en', text: needle });
				if (response.status !== 200) throw new Error(`POST /api/captions answered ${response.status}`);
			});
			add(captions, english);
			otherLanguage += french.filter((d) => d !== null).length;
			// The measured lines too at a captioner's pace, not faster.
			await sleep(Math.max(0, LINE_MS - (nowMs() - posted)));
		}

		// The count, on the same streams (both languages), in the same run.
		const pledges = samples();
		for (let i = 0; i < SAMPLES; i += 1) {
			const count = i + 1;
			for (const delays of await arrivals(`"count":${count},`, () => recordPledge(server.origin, organizer, `Captions bench pledge ${count}`))) add(pledges, delays);
			// Past the hub's coalescing window: each pledge is its own update.
			await sleep(250);
		}

		const row = (/** @type {string} */ what, /** @type {number} */ streams, /** @type {ReturnType<typeof samples>} */ figures) => {
			figures.perStream.sort((a, b) => a - b);
			figures.allStreams.sort((a, b) => a - b);
			const p = (/** @type {number[]} */ sorted, /** @type {number} */ n) => (sorted.length > 0 ? ms(percentile(sorted, n)) : 'none');
			return `${what.padEnd(34)} | ${String(streams).padStart(7)} | ${p(figures.perStream, 50)} / ${p(figures.perStream, 99)} | ${p(figures.allStreams, 50)} / ${p(figures.allStreams, 99)} | ${figures.lost}`;
		};
		console.log(`a captioner's pace: a partial or final line every ${LINE_MS} ms in each language while measuring`);
		console.log('post to arrival                    | streams | each stream p50 / p99 | all streams p50 / p99 | lost');
		console.log(row('caption line (en), to English', held[0].held, captions));
		console.log(row('pledge count, to every stream', held[0].held + held[1].held, pledges));
		console.log(`measured English lines that reached French streams: ${otherLanguage}`);
		console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
	} finally {
		writing = false;
		await Promise.allSettled(captioners);
		for (const g of generators) g.child.kill();
		await server.stop();
	}
}

/** Records a pledge through the API; resolves once it is acknowledged. @param {string} origin @param {string} token @param {string} title */
async function recordPledge(origin, token, title) {
	const response = await fetch(`${origin}/api/pledges`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.1' },
		body: JSON.stringify({ government: 'Kampala Capital City Authority', country: 'UG', title, compacts: ['GCM'] })
	});
	if (response.status !== 201) throw new Error(`POST /api/pledges answered ${response.status}`);
	await response.arrayBuffer();
}
