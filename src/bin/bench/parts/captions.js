// @ts-check
// Live captions (issue 24): caption lines accepted per second over HTTP (each a durable commit, under
// each captioner's own rate limit), then, with streams open (half on `?captions=en`, half on
// `?captions=fr`) and each language's captioner writing at a captioner's pace (a partial or final
// line every BENCH_CAPTIONS_LINE_MS), the time from a line's post to its arrival on every stream of
// its language, whether the other language's streams got it, the bytes a line costs each viewer, and,
// on the same streams in the same run, the pledge count's fan-out for comparison. Then, the site's
// streams closed, the reference nginx+nchan (nchan.js): as many streams on a channel per language,
// captioners publishing the site's line event at the same pace, the same measured lines.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { nchanCrowd } from '../nchan.js';
import { startServer } from '../server.js';
import { arrivalFigures, arrivals, capturedEvent, closeGenerators, generator, nowMs, openStreams, organizerToken, sleep } from '../stream-load.js';

export const name = 'captions: lines accepted per second, line to arrival at 5,000 streams (half per language) beside the count and nginx+nchan, bytes per line';

const STREAMS = Number(process.env.BENCH_CAPTIONS_STREAMS ?? 5000);
const SAMPLES = Number(process.env.BENCH_CAPTIONS_SAMPLES ?? 20);
// At least three: one posts the measured lines, one writes each language's running captions.
const CAPTIONERS = Math.max(3, Number(process.env.BENCH_CAPTIONERS ?? 16));
// A captioner's pace: speech at ~180 words a minute, sent as growing partial lines (about 3 a second), each final after 8.
const LINE_MS = Number(process.env.BENCH_CAPTIONS_LINE_MS ?? 300);
const PARTIALS_PER_LINE = 8;
// Below a captioner's limit (50 lines in 5 s, src/lib/server/captions/ingest.ts): the figure is the server's, not the limit's.
const LINES_PER_CAPTIONER = 45;
// What the captioners say, line after line.
const SPOKEN = 'Good afternoon, and welcome to this side event of the International Migration Review Forum.';

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
	const sampleText = SPOKEN;
	await post(tokens[0], { lang: 'en', text: sampleText });
	let wire = '';
	while (!wire.includes(sampleText)) wire += new TextDecoder().decode((await reader.read()).value);
	const frame = wire.slice(wire.lastIndexOf('id: ', wire.indexOf(sampleText)));
	console.log(`bytes per line per viewer: ${Buffer.byteLength(frame.slice(0, frame.indexOf('\n\n') + 2))} for a line of ${sampleText.length} characters`);
	await reader.cancel();
	await sleep(5_100);

	const languages = ['en', 'fr'];
	const generators = languages.map(generator);
	/** @type {() => Promise<void>} */
	let stopCaptioners = async () => undefined;
	/** @type {Awaited<ReturnType<typeof nchanCrowd>>} */
	let reference;
	try {
		await Promise.all(generators.map((g) => g.ready));
		const held = await openStreams(generators, 2 * Math.floor(STREAMS / 2), { host, port: Number(port), addressHeader: 'x-forwarded-for', path: (index) => `/api/live?topics=count&captions=${languages[index]}` });
		console.log(`streams held: ${held.each.map((n, index) => `${n} ${languages[index]}`).join(', ')} (${held.failed} failed to open)`);
		await sleep(1_000);

		// Each language's captioner writes on while the lines are measured: the fan-out carries their partial lines too.
		stopCaptioners = writeRunningCaptions(languages, async (lang, index, id, text, final) => {
			await (await post(tokens[1 + index], { lang, id, text, final })).arrayBuffer();
		});
		// The English line as the site sends it, for the reference to publish the same bytes.
		const capturedText = sampleLine(0);
		const line = await capturedEvent(
			`${server.origin}/api/live?topics=count&captions=en`,
			async () => {
				if ((await post(tokens[0], { lang: 'en', text: capturedText })).status !== 200) throw new Error('POST /api/captions refused the sample line');
				return capturedText;
			},
			{ 'x-forwarded-for': '192.0.2.2' }
		);
		await sleep(LINE_MS);
		const captions = await measureLines(generators, async (text) => {
			const response = await post(tokens[0], { lang: 'en', text });
			if (response.status !== 200) throw new Error(`POST /api/captions answered ${response.status}`);
		});

		// The count, on the same streams (both languages), in the same run.
		const pledges = arrivalFigures();
		for (let i = 0; i < SAMPLES; i += 1) {
			const count = i + 1;
			for (const delays of await arrivals(generators, `"count":${count},`, () => recordPledge(server.origin, organizer, `Captions bench pledge ${count}`), { from: 'sent', timeoutMs: 5_000 })) pledges.add(delays);
			// Past the hub's coalescing window: each pledge is its own update.
			await sleep(250);
		}
		await stopCaptioners();
		await closeGenerators(generators);

		const row = (/** @type {string} */ what, /** @type {number} */ streams, /** @type {ReturnType<typeof arrivalFigures>} */ figures) =>
			`${what.padEnd(46)} | ${String(streams).padStart(7)} | ${figures.percentiles('each')} | ${figures.percentiles('all')} | ${figures.lost}`;
		console.log(`a captioner's pace: a partial or final line every ${LINE_MS} ms in each language while measuring`);
		console.log('post to arrival (its request sent)             | streams | each stream p50 / p99 | all streams p50 / p99 | lost');
		console.log(row('caption line (en), to English', held.each[0], captions.english));
		console.log(row('pledge count, to every stream', held.held, pledges));
		console.log(`measured English lines that reached French streams: ${captions.elsewhere}`);

		// The reference: a channel per language, each captioner's lines published there at the same pace, the site's line event's bytes.
		reference = await nchanCrowd(STREAMS, languages.length);
		if (reference) {
			const { nchan } = reference;
			const referenceHeld = await reference.open(2 * Math.floor(STREAMS / 2), (index) => languages[index]);
			await sleep(1_000);
			// The site's line event with another text in place of the captured line's (both JSON-escaped).
			const lineOf = (/** @type {string} */ text) => line.data.replace(JSON.stringify(capturedText).slice(1, -1), JSON.stringify(text).slice(1, -1));
			stopCaptioners = writeRunningCaptions(languages, (lang, _index, _id, text) => nchan.publish(lang, line.event, lineOf(text)));
			const theirs = await measureLines(reference.generators, (text) => nchan.publish('en', line.event, lineOf(text)));
			await stopCaptioners();
			console.log(row(`caption line (en), to English: nginx+nchan`, referenceHeld.each[0], theirs.english));
			console.log(`nginx+nchan: one worker process, the site's line event (${Buffer.byteLength(line.data)} bytes of data), French streams that got a measured line: ${theirs.elsewhere}`);
		}
		console.log(`load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
	} finally {
		await stopCaptioners();
		await closeGenerators(generators);
		await reference?.stop();
		await server.stop();
	}
}

/** A measured line's text: unique, so that it is found on the wire. @param {number} i */
const sampleLine = (i) => `Sample line ${String(i).padStart(2, '0')} ${Date.now()}`;

/**
 * Measured English lines, one every LINE_MS (a captioner's pace, not faster), from each post's
 * sending (a line often reaches the viewers before its poster reads the answer) to its arrival at
 * every English stream (the first generator's), and how many arrived at French ones (the second's).
 * @param {ReturnType<typeof generator>[]} generators @param {(text: string) => Promise<void>} postLine
 */
async function measureLines(generators, postLine) {
	const english = arrivalFigures();
	let elsewhere = 0;
	for (let i = 0; i < SAMPLES; i += 1) {
		const text = sampleLine(i);
		const posted = nowMs();
		const [toEnglish, toFrench] = await arrivals(generators, text, () => postLine(text), { from: 'sent', timeoutMs: 5_000 });
		english.add(toEnglish);
		elsewhere += toFrench.filter((d) => d !== null).length;
		await sleep(Math.max(0, LINE_MS - (nowMs() - posted)));
	}
	return { english, elsewhere };
}

/**
 * Each language's captioner writing on, a growing partial line every LINE_MS, final after
 * PARTIALS_PER_LINE; stopped by the function it returns.
 * @param {string[]} languages @param {(lang: string, index: number, id: string, text: string, final: boolean) => Promise<unknown>} send
 */
function writeRunningCaptions(languages, send) {
	let writing = true;
	const words = SPOKEN.split(' ');
	const writers = languages.map(async (lang, index) => {
		for (let line = 0; writing; line += 1) {
			for (let partial = 1; partial <= PARTIALS_PER_LINE && writing; partial += 1) {
				await send(lang, index, `running-${lang}-${line}`, words.slice(0, Math.ceil((partial * words.length) / PARTIALS_PER_LINE)).join(' '), partial === PARTIALS_PER_LINE);
				await sleep(LINE_MS);
			}
		}
	}).map((writer) => writer.catch((/** @type {Error} */ error) => console.log(`a running captioner stopped: ${error.message}`)));
	return async () => {
		writing = false;
		await Promise.allSettled(writers);
	};
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
