// @ts-check
// What the stream bench parts share: forked load generators holding raw event-stream sockets
// (stream-clients.js, driven over IPC), an organizer's token from the organizers command, timing, percentiles.
import { execFileSync, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
export const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
export const ms = (/** @type {number} */ value) => `${value.toFixed(1)} ms`;

/** @param {number[]} sorted @param {number} p */
export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

/** A new organizer's API token on the store `databaseUrl` names (a SQLite file or a postgres:// URL). @param {string} databaseUrl */
export function organizerToken(databaseUrl) {
	const output = execFileSync(
		process.execPath,
		['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/organizers.ts', 'add', `bench-${Date.now()}@example.org`],
		{ cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' }
	);
	const token = /^token: (\S+)$/m.exec(output)?.[1];
	if (!token) throw new Error('the organizers CLI printed no token');
	return token;
}

/** A forked load generator with a request/answer helper over IPC. */
export function generator() {
	const child = fork(fileURLToPath(new URL('./stream-clients.js', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	/** @param {string} type @returns {Promise<any>} */
	const next = (type) =>
		new Promise((resolve) => {
			/** @param {any} message */
			const listener = (message) => {
				if (message.type !== type) return;
				child.off('message', listener);
				resolve(message);
			};
			child.on('message', listener);
		});
	return { child, next, ready: next('ready') };
}

/**
 * @typedef {{ host: string, port: number, path?: string | ((index: number) => string), addressHeader?: string, openedBy?: string }} StreamTarget
 * `path`: the stream's path, or each generator's; `addressHeader`: a header giving each stream its own
 * client address; `openedBy`: the text that shows a stream open (stream-clients.js).
 */

/**
 * Opens `count` more streams on `target`, shared among the generators; what they hold in all now.
 * @param {ReturnType<typeof generator>[]} generators @param {number} count @param {StreamTarget} target
 */
export async function openStreams(generators, count, target) {
	const opened = await Promise.all(
		generators.map((g, index) => {
			const share = Math.floor(count / generators.length) + (index < count % generators.length ? 1 : 0);
			const answer = g.next('opened');
			const path = typeof target.path === 'function' ? target.path(index) : target.path;
			g.child.send({ type: 'open', count: share, host: target.host, port: target.port, path, addressHeader: target.addressHeader, openedBy: target.openedBy });
			return answer;
		})
	);
	// Each generator answers with all it holds so far.
	return { held: opened.reduce((sum, o) => sum + o.held, 0), failed: opened.reduce((sum, o) => sum + o.failed, 0), each: opened.map((o) => o.held) };
}

/**
 * The delay from `act` to the arrival of `needle` at each stream the generators hold, generator by
 * generator (null: not within `timeoutMs`). `from`: 'answer' counts from `act`'s resolving (the
 * writer's acknowledgement), 'sent' from its start.
 * @param {ReturnType<typeof generator>[]} generators @param {string} needle @param {() => Promise<unknown>} act
 * @param {{ from?: 'answer' | 'sent', timeoutMs?: number }} [options]
 * @returns {Promise<(number | null)[][]>}
 */
export async function arrivals(generators, needle, act, { from = 'answer', timeoutMs = 10_000 } = {}) {
	const watching = Promise.all(generators.map((g) => g.next('watching')));
	const arrived = Promise.all(generators.map((g) => g.next('arrived')));
	for (const g of generators) g.child.send({ type: 'expect', needle, timeoutMs });
	// The write comes only once every generator is watching.
	await watching;
	const sentAt = nowMs();
	await act();
	const since = from === 'sent' ? sentAt : nowMs();
	return (await arrived).map((a) => a.times.map((/** @type {number | null} */ t) => (t === null ? null : t - since)));
}

/** Arrival delays gathered over samples: each stream's, the slowest stream's per sample, the streams that missed one. */
export function arrivalFigures() {
	/** @type {number[]} */ const perStream = [];
	/** @type {number[]} */ const allStreams = [];
	let lost = 0;
	return {
		/** @param {(number | null)[]} delays one sample's, one per stream */
		add(delays) {
			const arrived = /** @type {number[]} */ (delays.filter((d) => d !== null));
			perStream.push(...arrived);
			if (arrived.length > 0) allStreams.push(Math.max(...arrived));
			lost += delays.length - arrived.length;
		},
		get lost() {
			return lost;
		},
		/** A percentile of each stream's delays, or of the slowest per sample (NaN with none). @param {'each' | 'all'} which @param {number} p */
		percentile(which, p) {
			const sorted = [...(which === 'each' ? perStream : allStreams)].sort((a, b) => a - b);
			return sorted.length > 0 ? percentile(sorted, p) : NaN;
		},
		/** `p50 / p99` of each stream's delays, or of the slowest per sample. @param {'each' | 'all'} which */
		percentiles(which) {
			return (which === 'each' ? perStream : allStreams).length > 0 ? `${ms(this.percentile(which, 50))} / ${ms(this.percentile(which, 99))}` : 'none';
		}
	};
}

/** Stops generators and waits for them to exit. @param {ReturnType<typeof generator>[]} generators */
export async function closeGenerators(generators) {
	await Promise.all(
		generators.map((g) => {
			if (g.child.exitCode !== null) return undefined;
			const exited = new Promise((resolve) => g.child.once('exit', resolve));
			g.child.send({ type: 'close' });
			return exited;
		})
	);
}

/**
 * Reads one stream of the site until the event carrying the text `act` resolves with (what it wrote)
 * arrives: its `event:` name and `data:`, the bytes the site sent every viewer, for the reference to
 * publish the same. `act` runs once the stream is open.
 * @param {string} url @param {() => Promise<string>} act @param {Record<string, string>} [headers]
 */
export async function capturedEvent(url, act, headers = {}) {
	const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers } });
	const reader = /** @type {ReadableStreamDefaultReader<Uint8Array>} */ (response.body?.getReader());
	const decoder = new TextDecoder();
	let text = decoder.decode((await reader.read()).value, { stream: true });
	try {
		const needle = await act();
		for (;;) {
			// Whole frames only: the text after the last blank line may be one still arriving.
			const frame = text.split('\n\n').slice(0, -1).find((candidate) => candidate.includes(needle));
			if (frame) {
				const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
				const data = [...frame.matchAll(/^data: (.*)$/gm)].map((m) => m[1]).join('\n');
				return { event, data };
			}
			const { value, done } = await reader.read();
			if (done) throw new Error(`the stream ended before ${needle} arrived`);
			text += decoder.decode(value, { stream: true });
		}
	} finally {
		await reader.cancel();
	}
}
