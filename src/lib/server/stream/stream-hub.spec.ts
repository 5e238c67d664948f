import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Pledge, PledgeChangeListener, PledgeSnapshot } from '../pledges/types';
import type { LogEntry, LogTopic } from './replay-log';
import { StreamHub, type StreamSink, type TopicAudience } from './stream-hub';

/** A ledger in memory: enough to drive the hub as the SQLite store does (listeners told after each change). */
function fakeLedger() {
	const listeners = new Set<PledgeChangeListener>();
	const state: PledgeSnapshot = { count: 0, updatedAt: '2022-05-18T18:20:00.000Z', latest: [] };
	let reads = 0;
	return {
		listeners,
		get reads() {
			return reads;
		},
		snapshot: async () => {
			reads += 1;
			return structuredClone(state);
		},
		changes: {
			subscribe(listener: PledgeChangeListener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			}
		},
		add(title: string) {
			state.count += 1;
			const pledge: Pledge = { id: String(state.count), government: 'Kampala Capital City Authority', country: 'UG', title, compacts: ['GCM'], status: 'planned', createdAt: '', updatedAt: '', reportedBy: 'organizers' };
			state.latest.unshift(pledge);
			for (const listener of listeners) listener();
		}
	};
}

/** Records what the hub writes (what it corks together, as one chunk, as a socket sends one packet); can play a client whose buffer is full. */
class RecordingSink implements StreamSink {
	chunks: Uint8Array[] = [];
	/** The writes of each chunk as the hub made them (an event: its stream's `id:` line, then the shared frame). */
	parts: Uint8Array[][] = [];
	isFull = false;
	hasEnded = false;
	#drain: (() => void) | undefined;
	#corked: Uint8Array[] | undefined;
	write(chunk: Uint8Array) {
		if (this.#corked) this.#corked.push(chunk);
		else {
			this.chunks.push(chunk);
			this.parts.push([chunk]);
		}
		return !this.isFull;
	}
	cork() {
		this.#corked = [];
	}
	uncork() {
		if (this.#corked) {
			this.chunks.push(Buffer.concat(this.#corked));
			this.parts.push(this.#corked);
		}
		this.#corked = undefined;
	}
	once(_event: 'drain', listener: () => void) {
		this.#drain = listener;
	}
	end() {
		this.hasEnded = true;
	}
	drain() {
		this.isFull = false;
		const listener = this.#drain;
		this.#drain = undefined;
		listener?.();
	}
	get text() {
		return this.chunks.map((chunk) => Buffer.from(chunk).toString()).join('');
	}
	get events() {
		return [...this.text.matchAll(/id: (\d+)\nevent: count\ndata: (.*)\n\n/g)].map((m) => ({ id: Number(m[1]), ...JSON.parse(m[2]) }));
	}
}

/** A topic whose state is a version the test changes; `encode` gives its data for a version. */
function fakeTopic(event: string, encode: (version: number) => string | Promise<string>, audience?: TopicAudience) {
	const listeners = new Set<PledgeChangeListener>();
	let version = 0;
	let reads = 0;
	return {
		listeners,
		get reads() {
			return reads;
		},
		change() {
			version += 1;
			for (const listener of listeners) listener();
		},
		topic: {
			event,
			audience,
			changes: {
				subscribe(listener: PledgeChangeListener) {
					listeners.add(listener);
					return () => listeners.delete(listener);
				}
			},
			read: () => {
				reads += 1;
				return encode(version);
			}
		}
	};
}

// Fake timers and the fake clock behind them: on a busy machine real timers fire late and in bunches,
// so a test on them counts whatever the machine did. Here time moves only when a test moves it.
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const hubs: StreamHub[] = [];
function hubFor(ledger: ReturnType<typeof fakeLedger>, options: Partial<ConstructorParameters<typeof StreamHub>[0]> = {}) {
	const hub = new StreamHub({ snapshot: ledger.snapshot, changes: ledger.changes, coalesceMs: 30, now: () => Date.now(), ...options });
	hubs.push(hub);
	return hub;
}
beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	for (const hub of hubs.splice(0)) hub.closeAll();
	vi.useRealTimers();
});

describe('StreamHub', () => {
	it('starts each stream with a jittered retry and the current count', async () => {
		const ledger = fakeLedger();
		ledger.add('Welcome desk');
		const sink = new RecordingSink();
		const hub = hubFor(ledger);
		hub.attach(sink);
		expect(sink.text).toMatch(/^retry: \d+\n\n$/);
		await wait(1); // the first read of the store is on its way: the stream gets it
		const late = new RecordingSink();
		hub.attach(late);
		expect(late.events).toHaveLength(1);
		expect(sink.text).toMatch(/^retry: \d+\n\n/);
		expect(sink.events).toEqual([expect.objectContaining({ count: 1, latest: [expect.objectContaining({ title: 'Welcome desk' })] })]);
	});

	it('starts a stream that opens while an update is pending with that update, never the stale count', async () => {
		const ledger = fakeLedger();
		const hub = hubFor(ledger, { coalesceMs: 50 });
		await wait(1);
		ledger.add('a');
		await wait(5);
		ledger.add('b');
		const sink = new RecordingSink();
		hub.attach(sink);
		expect(sink.events).toEqual([]);
		await wait(70);
		expect(sink.events.map((event) => event.count)).toEqual([2]);
	});

	it('reads and encodes a change once and writes the same bytes to every stream, behind its own id', async () => {
		const ledger = fakeLedger();
		const hub = hubFor(ledger);
		await wait(1);
		const sinks = [new RecordingSink(), new RecordingSink(), new RecordingSink()];
		for (const sink of sinks) hub.attach(sink);
		const readsBefore = ledger.reads;
		ledger.add('Language classes');
		await wait(10);
		expect(ledger.reads - readsBefore).toBe(1);
		// Each stream's `id:` line is its own (one sequence per connection); the event after it is one Buffer for all.
		const frames = sinks.map((sink) => sink.parts.at(-1)?.at(-1));
		expect(frames[0]).toBe(frames[1]);
		expect(frames[1]).toBe(frames[2]);
		for (const sink of sinks) expect(sink.events.at(-1)?.count).toBe(1);
	});

	it('coalesces a burst of changes into at most one update per window, ending on the latest count', async () => {
		// The clock is the test's: a busy machine cannot stretch the burst over more windows.
		vi.useFakeTimers();
		try {
			const ledger = fakeLedger();
			const sink = new RecordingSink();
			hubFor(ledger, { coalesceMs: 50, now: () => Date.now() }).attach(sink);
			for (let i = 0; i < 20; i += 1) {
				ledger.add(`Action ${i}`);
				await vi.advanceTimersByTimeAsync(5);
			}
			await vi.advanceTimersByTimeAsync(80);
			const updates = sink.events.slice(1);
			expect(updates.length).toBeGreaterThan(1);
			expect(updates.length).toBeLessThanOrEqual(3);
			expect(updates.at(-1)?.count).toBe(20);
		} finally {
			vi.useRealTimers();
		}
	});

	it('gives every update a larger id than the last, starting from the clock', async () => {
		const ledger = fakeLedger();
		const sink = new RecordingSink();
		const hub = hubFor(ledger, { coalesceMs: 0, now: () => 1_000 });
		hub.attach(sink);
		await wait(1);
		ledger.add('a');
		await wait(5);
		ledger.add('b');
		await wait(5);
		expect(sink.events.map((event) => event.id)).toEqual([1_000, 1_001, 1_002]);
		expect(hub.lastEventId).toBe(1_002);
	});

	it('keeps only the newest update for a client that is behind, and sends it when it drains', async () => {
		const ledger = fakeLedger();
		const sink = new RecordingSink();
		hubFor(ledger, { coalesceMs: 0 }).attach(sink);
		await wait(1);
		sink.isFull = true;
		ledger.add('a');
		await wait(5);
		const writesWhileBehind = sink.chunks.length;
		ledger.add('b');
		await wait(5);
		ledger.add('c');
		await wait(5);
		expect(sink.chunks.length).toBe(writesWhileBehind);
		sink.drain();
		expect(sink.chunks.length).toBe(writesWhileBehind + 1);
		expect(sink.events.at(-1)?.count).toBe(3);
	});

	it('tells its observer of the events sent, of streams falling behind and of those ending behind', async () => {
		const ledger = fakeLedger();
		const told = { sent: 0, fellBehind: 0, leftBehind: 0 };
		const hub = hubFor(ledger, { coalesceMs: 0, observer: { sent: (event, streams) => event === 'count' && (told.sent += streams), fellBehind: () => told.fellBehind++, leftBehind: () => told.leftBehind++ } });
		const [slow, fast] = [new RecordingSink(), new RecordingSink()];
		const detachSlow = hub.attach(slow);
		hub.attach(fast);
		await wait(1);
		expect(hub.followersByTopic()).toEqual({ count: 2 });
		const sentOnConnect = told.sent;
		slow.isFull = true;
		ledger.add('a');
		await wait(5);
		expect(told).toEqual({ sent: sentOnConnect + 2, fellBehind: 1, leftBehind: 0 });
		ledger.add('b');
		await wait(5);
		expect(told.sent).toBe(sentOnConnect + 3);
		detachSlow();
		expect(told.leftBehind).toBe(1);
		expect(hub.followersByTopic()).toEqual({ count: 1 });
	});

	it('survives a ledger that cannot be read, and recovers on the next change', async () => {
		const ledger = fakeLedger();
		let isBroken = false;
		const sink = new RecordingSink();
		const errors = console.error;
		console.error = () => {};
		try {
			const hub = hubFor({ ...ledger, snapshot: () => (isBroken ? Promise.reject(new Error('database is locked')) : ledger.snapshot()) } as typeof ledger, { coalesceMs: 0 });
			hub.attach(sink);
			await wait(1);
			isBroken = true;
			ledger.add('a');
			await wait(5);
			expect(sink.events.map((event) => event.count)).toEqual([0]);
			const newcomer = new RecordingSink();
			hub.attach(newcomer);
			expect(newcomer.events.map((event) => event.count)).toEqual([0]); // the last count, while the store is down
			isBroken = false;
			ledger.add('b');
			await wait(5);
			expect(sink.events.map((event) => event.count)).toEqual([0, 2]);
		} finally {
			console.error = errors;
		}
	});

	it('stops writing to a stream once it is detached', async () => {
		const ledger = fakeLedger();
		const hub = hubFor(ledger, { coalesceMs: 0 });
		const sink = new RecordingSink();
		const detach = hub.attach(sink);
		expect(hub.size).toBe(1);
		detach();
		expect(hub.size).toBe(0);
		const writes = sink.chunks.length;
		ledger.add('a');
		await wait(5);
		expect(sink.chunks.length).toBe(writes);
	});

	it('sends comment heartbeats to idle streams', async () => {
		const sink = new RecordingSink();
		hubFor(fakeLedger(), { heartbeatMs: 10 }).attach(sink);
		await wait(45);
		expect(sink.text.match(/^:\n\n/gm)?.length ?? 0).toBeGreaterThanOrEqual(2);
	});

	it('ends every stream and stops listening on close', () => {
		const ledger = fakeLedger();
		const hub = hubFor(ledger);
		const sinks = [new RecordingSink(), new RecordingSink()];
		for (const sink of sinks) hub.attach(sink);
		hub.closeAll();
		expect(sinks.every((sink) => sink.hasEnded)).toBe(true);
		expect(hub.size).toBe(0);
		expect(ledger.listeners.size).toBe(0);
		const late = new RecordingSink();
		hub.attach(late);
		expect(late.hasEnded).toBe(true);
	});

	describe('with another topic', () => {
		// The tests' own clock: reads and windows keep their order however busy the machine is.
		beforeEach(() => {
			vi.useFakeTimers();
		});
		afterEach(() => {
			vi.useRealTimers();
		});
		const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
		// Asynchronous, as a store on another engine answers; the state is the one at the time of the call.
		const questionsTopic = () => fakeTopic('questions', (seen) => new Promise<string>((resolve) => setTimeout(() => resolve(JSON.stringify({ version: seen })), 5)));
		const questionEvents = (sink: RecordingSink) => [...sink.text.matchAll(/id: (\d+)\nevent: questions\ndata: (.*)\n\n/g)].map((m) => ({ id: Number(m[1]), ...JSON.parse(m[2]) }));

		it('sends each topic on connect once its first read settles, with ids shared by all events', async () => {
			const questions = questionsTopic();
			const early = new RecordingSink();
			const hub = hubFor(fakeLedger(), { topics: [questions.topic] });
			hub.attach(early);
			await wait(20);
			const late = new RecordingSink();
			hub.attach(late);
			for (const sink of [early, late]) {
				expect(questionEvents(sink).map((event) => event.version)).toEqual([0]);
				expect(questionEvents(sink)[0].id).toBeGreaterThan(sink.events[0].id);
			}
		});

		it('coalesces its changes on their own, and reads again after a change made during a read', async () => {
			const questions = questionsTopic();
			const sink = new RecordingSink();
			const hub = hubFor(fakeLedger(), { topics: [questions.topic], coalesceMs: 0 });
			hub.attach(sink);
			await wait(20);
			questions.change();
			await wait(2);
			questions.change();
			await wait(40);
			expect(questionEvents(sink).map((event) => event.version).at(-1)).toBe(2);
			expect(sink.events).toHaveLength(1);
		});

		it('starts a stream that opens while the count is being read with the count, then the other topics', async () => {
			const questions = questionsTopic();
			const ledger = fakeLedger();
			let release: (() => void) | undefined;
			const slowSnapshot = async () => {
				const state = await ledger.snapshot();
				if (ledger.listeners.size > 0 && state.count > 0) await new Promise<void>((resolve) => (release = resolve));
				return state;
			};
			const hub = hubFor(ledger, { snapshot: slowSnapshot, topics: [questions.topic], coalesceMs: 0 });
			hub.attach(new RecordingSink());
			await wait(20);
			ledger.add('a');
			await wait(1); // the count's read is under way, the questions' frame is ready
			const sink = new RecordingSink();
			hub.attach(sink);
			expect(questionEvents(sink)).toEqual([]);
			release?.();
			await wait(1);
			const order = [...sink.text.matchAll(/event: (\w+)/g)].map((m) => m[1]);
			expect(order).toEqual(['count', 'questions']);
			expect(sink.events[0].count).toBe(1);
		});

		const idsOf = (sink: RecordingSink) => [...sink.text.matchAll(/id: (\d+)\nevent: (\w+)/g)].map((m) => ({ id: Number(m[1]), event: m[2] }));
		const isIncreasing = (ids: number[]) => ids.every((id, index) => index === 0 || id > ids[index - 1]);

		it('numbers the events of one connection in one increasing sequence, whatever their topics and the age of their frames', async () => {
			const questions = questionsTopic();
			const ledger = fakeLedger();
			const hub = hubFor(ledger, { topics: [questions.topic], coalesceMs: 0 });
			const early = new RecordingSink();
			hub.attach(early);
			await wait(20);
			// The questions' frame is now older than the count's: a newcomer gets both, in one sequence.
			await wait(1_000);
			ledger.add('a');
			await wait(5);
			const late = new RecordingSink();
			hub.attach(late);
			for (let round = 0; round < 3; round++) {
				questions.change();
				ledger.add(`b${round}`);
				await wait(20);
			}
			for (const sink of [early, late]) {
				const events = idsOf(sink);
				expect(new Set(events.map((event) => event.event))).toEqual(new Set(['count', 'questions']));
				expect(isIncreasing(events.map((event) => event.id))).toBe(true);
			}
			expect(idsOf(late)[0].event).toBe('count');
		});

		for (const kind of ['count', 'questions']) {
			it(`resumes after a ${kind} event with ids above the one the client last saw`, async () => {
				const questions = questionsTopic();
				const ledger = fakeLedger();
				let clock = 5_000;
				const hub = hubFor(ledger, { topics: [questions.topic], coalesceMs: 0, now: () => clock });
				const first = new RecordingSink();
				const detach = hub.attach(first);
				await wait(20);
				ledger.add('a');
				questions.change();
				await wait(20);
				const lastSeen = idsOf(first).filter((event) => event.event === kind).at(-1)!.id;
				detach();
				// The clock of the next connection is behind the ids already seen (another instance, a clock set back).
				clock = 1_000;
				const resumed = new RecordingSink();
				hub.attach(resumed, undefined, lastSeen);
				await wait(20);
				const events = idsOf(resumed);
				expect(events.map((event) => event.event)).toEqual(['count', 'questions']);
				expect(events[0].id).toBe(lastSeen + 1);
				expect(isIncreasing(events.map((event) => event.id))).toBe(true);
			});
		}

		it('sends a client that was behind the newest frame of every topic it missed', async () => {
			const questions = questionsTopic();
			const ledger = fakeLedger();
			const sink = new RecordingSink();
			const hub = hubFor(ledger, { topics: [questions.topic], coalesceMs: 0 });
			hub.attach(sink);
			await wait(20);
			sink.isFull = true;
			questions.change();
			await wait(20);
			ledger.add('a');
			questions.change();
			await wait(20);
			const before = sink.chunks.length;
			sink.drain();
			expect(sink.chunks.length).toBe(before + 2);
			expect(questionEvents(sink).at(-1)?.version).toBe(2);
			expect(sink.events.at(-1)?.count).toBe(1);
		});
	});
});

describe('a topic for organizers only', () => {
	const moderationTopic = () => fakeTopic('moderation', (version) => JSON.stringify({ version }), 'organizers');
	const eventsOf = (sink: RecordingSink) => [...sink.text.matchAll(/event: (\w+)/g)].map((m) => m[1]);

	it('is not among the topics a stream carries by default, and reaches only the streams that follow it', async () => {
		const moderation = moderationTopic();
		const hub = hubFor(fakeLedger(), { topics: [moderation.topic], coalesceMs: 0 });
		expect(hub.publicTopics).toEqual(['count']);
		expect(hub.audienceOf('moderation')).toBe('organizers');
		const viewer = new RecordingSink();
		const organizer = new RecordingSink();
		hub.attach(viewer);
		hub.attach(organizer, ['moderation']);
		await wait(5);
		moderation.change();
		await wait(5);
		expect(eventsOf(viewer)).toEqual(['count']);
		expect(eventsOf(organizer)).toEqual(['moderation', 'moderation']);
		expect(organizer.text).toContain('data: {"version":1}');
	});

	it('is read only while someone follows it', async () => {
		const moderation = moderationTopic();
		const hub = hubFor(fakeLedger(), { topics: [moderation.topic], coalesceMs: 0 });
		hub.attach(new RecordingSink());
		moderation.change();
		await wait(5);
		expect(moderation.reads).toBe(0);
		const detach = hub.attach(new RecordingSink(), ['moderation']);
		await wait(5);
		expect(moderation.reads).toBe(1);
		detach();
		moderation.change();
		await wait(5);
		expect(moderation.reads).toBe(1);
		const late = new RecordingSink();
		hub.attach(late, ['moderation']);
		await wait(5);
		expect(late.text).toContain('data: {"version":2}');
	});
});

describe('a public topic carried only on request', () => {
	const eventsOf = (sink: RecordingSink) => [...sink.text.matchAll(/event: (\w+)/g)].map((m) => m[1]);

	it('is not in the default stream, and reaches the streams that name it, at once on connect and on each change', async () => {
		const speaking = fakeTopic('speaking', (version) => JSON.stringify({ version }));
		const hub = hubFor(fakeLedger(), { topics: [{ ...speaking.topic, isDefault: false }], coalesceMs: 0 });
		expect(hub.publicTopics).toEqual(['count']);
		expect(hub.audienceOf('speaking')).toBe('public');
		const viewer = new RecordingSink();
		const overlay = new RecordingSink();
		hub.attach(viewer);
		hub.attach(overlay, ['count', 'speaking']);
		await wait(5);
		speaking.change();
		await wait(5);
		expect(eventsOf(viewer)).toEqual(['count']);
		expect(eventsOf(overlay)).toEqual(['count', 'speaking', 'speaking']);
		expect(overlay.text).toContain('data: {"version":1}');
	});
});

/** A log in memory, read as the store's captions are: entries after a cursor. */
function fakeLog(event: string) {
	const listeners = new Set<PledgeChangeListener>();
	const entries: LogEntry[] = [];
	let cursor = 0;
	const topic: LogTopic = {
		event,
		frameEvent: 'caption',
		keep: 5,
		initial: 2,
		changes: {
			subscribe(listener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			}
		},
		readAfter: async (after, page) => entries.filter((entry) => entry.cursor > after).slice(0, page),
		readLatest: async (count) => entries.slice(-count)
	};
	return {
		topic,
		add(key: string, text: string) {
			cursor += 1;
			const index = entries.findIndex((entry) => entry.key === key);
			if (index >= 0) entries.splice(index, 1);
			entries.push({ cursor, key, data: JSON.stringify({ key, text }) });
			for (const listener of listeners) listener();
		}
	};
}

/** The caption frames a sink received: their ids and texts. */
const logLines = (sink: RecordingSink) =>
	[...sink.text.matchAll(/id: (\d+)\nevent: caption\ndata: (.*)\n\n/g)].map((m) => ({ id: Number(m[1]), text: JSON.parse(m[2]).text as string }));

function hubWithLogs(...logs: LogTopic[]) {
	return hubFor(fakeLedger(), { logs });
}

describe('a log topic on the stream', () => {
	it('is followed only when asked for, and each entry reaches its followers, a burst coalesced without losing one', async () => {
		const en = fakeLog('captions-en');
		const fr = fakeLog('captions-fr');
		const hub = hubWithLogs(en.topic, fr.topic);
		expect(hub.publicTopics).toEqual(['count']);
		expect(hub.audienceOf('captions-fr')).toBe('public');
		const [first, second, french, none] = [new RecordingSink(), new RecordingSink(), new RecordingSink(), new RecordingSink()];
		hub.attach(first, ['count', 'captions-en']);
		hub.attach(second, ['count', 'captions-en']);
		hub.attach(french, ['count', 'captions-fr']);
		hub.attach(none);
		await wait(1);
		en.add('a', 'One');
		en.add('b', 'Two');
		en.add('c', 'Three');
		await wait(40);
		for (const sink of [first, second]) expect(logLines(sink).map((line) => line.text)).toEqual(['One', 'Two', 'Three']);
		expect(logLines(french)).toEqual([]);
		expect(logLines(none)).toEqual([]);
	});

	it('starts a new stream with the last entries, and a resumed one with every entry after its Last-Event-ID', async () => {
		const en = fakeLog('captions-en');
		const hub = hubWithLogs(en.topic);
		await wait(1);
		const sink = new RecordingSink();
		hub.attach(sink, ['captions-en']);
		for (const text of ['One', 'Two', 'Three']) {
			en.add(text, text);
			await wait(40);
		}
		const lastSeen = logLines(sink)[0].id;
		en.add('Four', 'Four');
		await wait(40);
		const resumed = new RecordingSink();
		hub.attach(resumed, ['captions-en'], lastSeen);
		expect(logLines(resumed).map((line) => line.text)).toEqual(['Two', 'Three', 'Four']);
		const fresh = new RecordingSink();
		hub.attach(fresh, ['captions-en']);
		expect(logLines(fresh).map((line) => line.text)).toEqual(['Three', 'Four']);
	});

	it('keeps one version of a replaced entry', async () => {
		const en = fakeLog('captions-en');
		const hub = hubWithLogs(en.topic);
		await wait(1);
		en.add('a', 'Hel');
		await wait(40);
		en.add('a', 'Hello');
		await wait(40);
		const resumed = new RecordingSink();
		hub.attach(resumed, ['captions-en'], 0);
		expect(logLines(resumed).map((line) => line.text)).toEqual(['Hello']);
	});

	it('fills what it keeps from the store when it starts (after a restart)', async () => {
		const en = fakeLog('captions-en');
		en.add('a', 'Before the restart');
		const hub = hubWithLogs(en.topic);
		await wait(1);
		const resumed = new RecordingSink();
		hub.attach(resumed, ['captions-en'], 0);
		expect(logLines(resumed).map((line) => line.text)).toEqual(['Before the restart']);
	});

	it('writes every entry to a client that is behind, and ends its stream once it lags more than what is kept', async () => {
		const en = fakeLog('captions-en');
		const hub = hubWithLogs(en.topic);
		await wait(1);
		const slow = new RecordingSink();
		hub.attach(slow, ['captions-en']);
		slow.isFull = true;
		en.add('1', 'One');
		await wait(40);
		en.add('2', 'Two');
		await wait(40);
		expect(logLines(slow).map((line) => line.text)).toEqual(['One', 'Two']);
		slow.drain();
		const lagging = new RecordingSink();
		hub.attach(lagging, ['captions-en']);
		lagging.isFull = true;
		for (let i = 0; i < 7; i += 1) {
			en.add(`x${i}`, `Line ${i}`);
			await wait(40);
		}
		expect(lagging.hasEnded).toBe(true);
		expect(slow.hasEnded).toBe(false);
	});
});
