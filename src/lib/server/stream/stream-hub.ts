import type { PledgeChanges, PledgeSnapshot } from '../pledges/types';
import type { TopicUpdate } from './list-feed';
import { ReplayLog, type KeptFrame, type LogTopic } from './replay-log';
import { encodeEvent, encodeRetry, HEARTBEAT } from './sse';

/**
 * Where one subscriber's bytes go: a Node `ServerResponse` as it is, or an adapter around a web
 * stream. `write` returns false while the client is behind (its buffer is full); 'drain' follows.
 */
export interface StreamSink {
	write(chunk: Uint8Array): boolean;
	/** Holds the writes that follow until `uncork` (a socket sends an event's id and body in one packet). */
	cork?(): void;
	uncork?(): void;
	once(event: 'drain', listener: () => void): unknown;
	end(): void;
}

/** Who may follow a topic: anyone, or a signed-in organizer only (the endpoint decides who is who). */
export type TopicAudience = 'public' | 'organizers';

/** Another kind of event on the same stream (the questions): its data read once per update, as JSON text. */
export interface StreamTopic {
	event: string;
	/**
	 * The whole state as JSON text, sent to every follower on each change; or, for a topic with a
	 * `changeEvent`, a snapshot (sent as `event` on connect and to a stream that fell behind) and a
	 * change (sent as `changeEvent` to every stream that has the snapshot or change before it).
	 */
	read: () => string | TopicUpdate | Promise<string | TopicUpdate>;
	changeEvent?: string;
	changes: PledgeChanges;
	/** This topic's own coalescing window (a larger state than the count's may want fewer updates). */
	coalesceMs?: number;
	/** `public` unless said otherwise. An organizers' topic is read only while someone follows it. */
	audience?: TopicAudience;
	/** False: a public topic only the streams that name it (`?topics=`) carry, so the default stream stays as it was. */
	isDefault?: boolean;
}

/** Told what the hub does, for /metrics (src/lib/server/metrics/): nothing it says changes the hub. */
export interface StreamObserver {
	/** `streams` streams were written an event of this kind (undefined: a heartbeat). */
	sent(event: string | undefined, streams: number): void;
	/** A stream's buffer filled up: it is behind. */
	fellBehind(): void;
	/** A stream ended while behind. */
	leftBehind(): void;
}

const UNOBSERVED: StreamObserver = { sent: () => {}, fellBehind: () => {}, leftBehind: () => {} };

export interface StreamHubOptions {
	/** The ledger's current public state, read once per update (not once per subscriber). */
	snapshot: () => PledgeSnapshot | Promise<PledgeSnapshot>;
	changes: PledgeChanges;
	/** Events beside `count`, each coalesced on its own. */
	topics?: readonly StreamTopic[];
	/** Topics whose every entry reaches every follower, resumable with Last-Event-ID (the captions); followed only when asked for. */
	logs?: readonly LogTopic[];
	/** At most one update per this many milliseconds and topic, whatever the rate of changes. */
	coalesceMs?: number;
	heartbeatMs?: number;
	/** The browser's reconnection delay, spread over this range. */
	retryMs?: readonly [min: number, max: number];
	/** Newest pledges carried by each update. */
	latestCount?: number;
	now?: () => number;
	observer?: StreamObserver;
}

interface Subscriber {
	sink: StreamSink;
	/** The topics it follows, in the hub's order: one array shared by every subscriber with the same choice. */
	topics: readonly Topic[];
	/** Set while the sink's buffer is full: nothing more is written until it drains. */
	isBehind: boolean;
	/** Topics whose update went by while behind (their `bit`s): their newest frame is sent on drain (never a backlog). */
	missed: number;
	/** Topics it has had a frame of, their `bit`s (a newcomer waits for the read in flight). A number, not a Set: ten thousand streams each hold one. */
	received: number;
	/** The log topics it follows: every entry is written, behind or not. */
	logs: readonly ReplayLog[];
	/** Log frames written while behind: beyond a log's kept entries the stream is ended, and resumes from them. */
	logBacklog: number;
	/** The id of this connection's next event: one sequence per connection, across every topic and log. */
	nextId: number;
	detach: () => void;
}

/** A choice of topics, shared by every subscriber that made it. */
interface Choice {
	topics: readonly Topic[];
	logs: readonly ReplayLog[];
}

interface Topic extends StreamTopic {
	/** Its bit in a subscriber's `received` and `missed`. */
	bit: number;
	audience: TopicAudience;
	/** Subscribers following it; a topic read only while followed lets its frame go stale at zero. */
	followers: number;
	/** The encoded current state; undefined until first read. */
	frame: Buffer | undefined;
	flushTimer: ReturnType<typeof setTimeout> | undefined;
	/** An asynchronous read is under way; `isStale`: a change came meanwhile. */
	isReading: boolean;
	isStale: boolean;
	lastFlushAt: number;
	/** Before the flush under way: restored when that flush sent nothing, so no coalescing window opens. */
	previousFlushAt: number;
	stopListening: () => void;
}

/**
 * One process-wide fan-out of the pledge count and the other topics: each change is read and
 * encoded once, then the same bytes are written to every open stream that follows the topic.
 */
export class StreamHub {
	readonly #subscribers = new Set<Subscriber>();
	readonly #options: Required<Omit<StreamHubOptions, 'snapshot' | 'changes' | 'topics' | 'logs'>>;
	readonly #heartbeat: ReturnType<typeof setInterval>;
	readonly #topics: Topic[];
	readonly #logs: ReplayLog[];
	/** The subscribers' topic choices, by their events joined: shared, so a subscriber holds one reference. */
	readonly #choices = new Map<string, Choice>();
	#lastId = 0;
	#isClosed = false;

	constructor({ changes, snapshot, topics = [], logs = [], ...options }: StreamHubOptions) {
		this.#options = { coalesceMs: 100, heartbeatMs: 15_000, retryMs: [1_000, 5_000], latestCount: 5, now: Date.now, observer: UNOBSERVED, ...options };
		const count: StreamTopic = {
			event: 'count',
			changes,
			read: async () => {
				const { count, updatedAt, latest } = await snapshot();
				return JSON.stringify({ count, updatedAt, latest: latest.slice(0, this.#options.latestCount) });
			}
		};
		// A subscriber's topics are bits of one number (`bit`): 31 at most.
		if (topics.length >= 31) throw new Error('a stream hub carries at most 30 topics beside the count');
		this.#topics = [count, ...topics].map((topic, index) => {
			const state: Topic = {
				...topic,
				bit: 2 ** index,
				audience: topic.audience ?? 'public',
				followers: 0,
				frame: undefined,
				flushTimer: undefined,
				isReading: false,
				isStale: false,
				lastFlushAt: Number.NEGATIVE_INFINITY,
				previousFlushAt: Number.NEGATIVE_INFINITY,
				stopListening: () => {}
			};
			state.stopListening = topic.changes.subscribe(() => this.#scheduleFlush(state));
			return state;
		});
		for (const topic of this.#topics) if (!isReadWhenFollowed(topic)) this.#refresh(topic);
		this.#logs = logs.map((log) => {
			const replay: ReplayLog = new ReplayLog(
				log,
				(data) => {
					const id = this.#nextId();
					return { id, frame: Buffer.from(encodeEvent({ id, event: log.frameEvent, data })) };
				},
				(kept) => this.#publishLog(replay, kept),
				this.#options.now,
				this.#options.coalesceMs
			);
			return replay;
		});
		const heartbeat = Buffer.from(HEARTBEAT);
		this.#heartbeat = setInterval(() => this.#broadcast(heartbeat, undefined), this.#options.heartbeatMs);
		this.#heartbeat.unref();
	}

	/** Open streams. */
	get size(): number {
		return this.#subscribers.size;
	}

	/** The largest event id given to any stream; increases across restarts, as each stream's ids start from the clock. */
	get lastEventId(): number {
		return this.#lastId;
	}

	/** Open streams following each topic, by its event. */
	followersByTopic(): Record<string, number> {
		return Object.fromEntries(this.#topics.map((topic) => [topic.event, topic.followers]));
	}

	/** The events of every topic, in the order a stream sends them (the count first), then the logs. */
	get topics(): readonly string[] {
		return [...this.#topics.map((topic) => topic.event), ...this.#logs.map((log) => log.event)];
	}

	/** The events of the topics anyone may follow, in order: what a stream carries unless asked otherwise. */
	get publicTopics(): readonly string[] {
		return this.#topics.filter((topic) => topic.audience === 'public' && topic.isDefault !== false).map((topic) => topic.event);
	}

	/** Who may follow the topic named `event`; undefined when the hub has no such topic. */
	audienceOf(event: string): TopicAudience | undefined {
		if (this.#logs.some((log) => log.event === event)) return 'public';
		return this.#topics.find((topic) => topic.event === event)?.audience;
	}

	/**
	 * Starts a stream with the current state of the topics named in `events` (the public ones by
	 * default; who may follow which is the endpoint's decision); returns the function that ends the subscription.
	 * `resumesAfter`: the `Last-Event-ID` a reconnecting client sent; this stream's ids start above it
	 * (and above the clock), so a client sees one increasing sequence across its reconnections. A log
	 * topic starts with its entries after it (a resumed stream) or its last few.
	 */
	attach(sink: StreamSink, events: readonly string[] = this.publicTopics, resumesAfter?: number): () => void {
		if (this.#isClosed) {
			sink.end();
			return () => {};
		}
		const { topics, logs } = this.#choice(events);
		const firstId = Math.max(this.#options.now(), (resumesAfter ?? 0) + 1);
		const subscriber: Subscriber = { sink, topics, isBehind: false, missed: 0, received: 0, logs, logBacklog: 0, nextId: firstId, detach: () => {} };
		subscriber.detach = () => {
			if (!this.#subscribers.delete(subscriber)) return;
			for (const topic of topics) topic.followers -= 1;
			if (subscriber.isBehind) this.#options.observer.leftBehind();
		};
		this.#subscribers.add(subscriber);
		for (const topic of topics) {
			topic.followers += 1;
			if (isReadWhenFollowed(topic) && !topic.frame && !topic.isReading && !topic.flushTimer) this.#refresh(topic);
		}
		const [minRetry, maxRetry] = this.#options.retryMs;
		sink.write(Buffer.from(encodeRetry(minRetry, maxRetry)));
		this.#catchUp(subscriber);
		const missed = logs.flatMap((log) => log.since(resumesAfter)).sort((a, b) => a.id - b.id);
		for (const kept of missed) this.#sendLog(subscriber, kept);
		return subscriber.detach;
	}

	#choice(events: readonly string[]): Choice {
		const key = events.join(',');
		let choice = this.#choices.get(key);
		if (!choice) {
			choice = { topics: this.#topics.filter((topic) => events.includes(topic.event)), logs: this.#logs.filter((log) => events.includes(log.event)) };
			this.#choices.set(key, choice);
		}
		return choice;
	}

	/** Ends every stream (the server is shutting down); browsers reconnect after their retry delay. */
	closeAll(): void {
		this.#isClosed = true;
		clearInterval(this.#heartbeat);
		for (const topic of this.#topics) {
			clearTimeout(topic.flushTimer);
			topic.stopListening();
		}
		for (const log of this.#logs) log.close();
		for (const { sink } of this.#subscribers) sink.end();
		this.#subscribers.clear();
	}

	/**
	 * A log entry's id, from the hub's counter: above every id any stream has written, so that an entry
	 * published after a client's Last-Event-ID has a greater id (a resume replays exactly what it lacks).
	 */
	#nextId(): number {
		this.#lastId = Math.max(this.#options.now(), this.#lastId + 1);
		return this.#lastId;
	}

	/** The event without its id: the same bytes for every stream, each preceded by that stream's own `id:` line. */
	#encode(event: string, data: string): Buffer {
		return Buffer.from(encodeEvent({ event, data }));
	}

	#scheduleFlush(topic: Topic): void {
		if (this.#isClosed) return;
		if (isReadWhenFollowed(topic) && topic.followers === 0) {
			// Nobody to tell: the next follower reads it afresh.
			topic.frame = undefined;
			return;
		}
		if (topic.isReading) {
			// The read under way may predate this change: read again once it settles.
			topic.isStale = true;
			return;
		}
		if (topic.flushTimer) return;
		// Leading edge after a quiet spell (a timer of 0 still gathers changes made in the same tick), then at most one per window.
		const wait = Math.max(0, topic.lastFlushAt + (topic.coalesceMs ?? this.#options.coalesceMs) - this.#options.now());
		topic.flushTimer = setTimeout(() => {
			topic.previousFlushAt = topic.lastFlushAt;
			topic.lastFlushAt = this.#options.now();
			this.#refresh(topic);
		}, wait);
	}

	/** Reads and encodes the topic's state once, then sends it to everyone (on the first read, to no one yet). */
	#refresh(topic: Topic): void {
		const settle = () => {
			topic.flushTimer = undefined;
			topic.isReading = false;
			// Newcomers that waited for this read get it (or the last frame, if it failed), then the topics after it.
			for (const subscriber of this.#subscribers) this.#catchUp(subscriber);
			if (topic.isStale) {
				topic.isStale = false;
				this.#scheduleFlush(topic);
			}
		};
		const done = (data: string | TopicUpdate) => {
			if (this.#isClosed) return;
			if (typeof data === 'string') {
				topic.frame = this.#encode(topic.event, data);
				this.#broadcast(topic.frame, topic);
				return;
			}
			if (!data.isChanged && topic.frame) {
				// Nothing a follower can see (a question waiting for moderation): no bytes, and the next change is not held back.
				topic.lastFlushAt = topic.previousFlushAt;
				return;
			}
			topic.frame = this.#encode(topic.event, data.state);
			// Streams that have the version before get the change; the others (newcomers) the snapshot, on catching up.
			if (data.change !== undefined && topic.changeEvent) this.#broadcastChange(this.#encode(topic.changeEvent, data.change), topic);
		};
		const failed = (error: unknown) => {
			// A store that cannot be read now must not take the server down: streams keep the last
			// state (newcomers waiting for this read get it too), and the next change reads again.
			console.error(`event stream: could not read the ${topic.event} state`, (error as Error).message ?? error);
		};
		let data: string | TopicUpdate | Promise<string | TopicUpdate>;
		try {
			data = topic.read();
		} catch (error) {
			failed(error);
			settle();
			return;
		}
		if (!(data instanceof Promise)) {
			done(data);
			settle();
			return;
		}
		topic.isReading = true;
		data.then(done, failed).finally(settle);
	}

	#broadcast(chunk: Buffer, topic: Topic | undefined): void {
		let sent = 0;
		for (const subscriber of this.#subscribers) {
			if ((!topic || (subscriber.topics.includes(topic) && this.#hasAllBefore(subscriber, topic))) && this.#send(subscriber, chunk, topic)) sent++;
		}
		// Told once per broadcast, not once per stream: ten thousand streams make one call.
		if (sent > 0) this.#options.observer.sent(topic?.event, sent);
	}

	/**
	 * A topic's change goes only to the streams that have had its snapshot; a stream behind gets the
	 * newest snapshot once it drains (a change it missed is never sent on its own).
	 */
	#broadcastChange(chunk: Buffer, topic: Topic): void {
		let sent = 0;
		for (const subscriber of this.#subscribers) {
			if (subscriber.received & topic.bit && this.#send(subscriber, chunk, topic)) sent++;
		}
		if (sent > 0) this.#options.observer.sent(topic.changeEvent ?? topic.event, sent);
	}

	/** Whether the subscriber has had every topic it follows listed before `topic` (the count comes first). */
	#hasAllBefore(subscriber: Subscriber, topic: Topic): boolean {
		for (const earlier of subscriber.topics) {
			if (earlier === topic) return true;
			if (!(subscriber.received & earlier.bit) && (earlier.frame || earlier.flushTimer || earlier.isReading)) return false;
		}
		return true;
	}

	/**
	 * Sends a newcomer the topics' frames in order (the count first), up to the first topic with an
	 * update on its way: the cached frame is already stale, so the newcomer waits for that update.
	 */
	#catchUp(subscriber: Subscriber): void {
		for (const topic of subscriber.topics) {
			if (subscriber.received & topic.bit) continue;
			if (topic.flushTimer || topic.isReading) return;
			if (topic.frame && this.#send(subscriber, topic.frame, topic)) this.#options.observer.sent(topic.event, 1);
		}
	}

	#publishLog(log: ReplayLog, kept: KeptFrame): void {
		for (const subscriber of this.#subscribers) if (subscriber.logs.includes(log)) this.#sendLog(subscriber, kept);
	}

	/**
	 * A log frame (it carries its own id) is written even to a client that is behind (queued after what
	 * it has not read yet, in id order), so its Last-Event-ID never passes a line it lacks; past a log's
	 * kept entries the stream ends, and the browser resumes from them. The connection's next ids follow it.
	 */
	#sendLog(subscriber: Subscriber, kept: KeptFrame): void {
		subscriber.nextId = Math.max(subscriber.nextId, kept.id + 1);
		if (subscriber.isBehind) {
			subscriber.logBacklog += 1;
			if (subscriber.logBacklog > Math.min(...subscriber.logs.map((log) => log.keep))) {
				subscriber.detach();
				subscriber.sink.end();
				return;
			}
			subscriber.sink.write(kept.frame);
			return;
		}
		if (!subscriber.sink.write(kept.frame)) this.#markBehind(subscriber);
	}

	/** A topic's frame goes out behind this connection's next id; a heartbeat as it is. */
	#write(subscriber: Subscriber, chunk: Buffer, topic: Topic | undefined): boolean {
		const { sink } = subscriber;
		if (!topic) return sink.write(chunk);
		const id = subscriber.nextId++;
		this.#lastId = Math.max(this.#lastId, id);
		sink.cork?.();
		sink.write(Buffer.from(`id: ${id}\n`));
		const hasRoom = sink.write(chunk);
		sink.uncork?.();
		return hasRoom;
	}

	/** Writes the chunk unless the subscriber is behind; whether it was written. */
	#send(subscriber: Subscriber, chunk: Buffer, topic: Topic | undefined): boolean {
		if (subscriber.isBehind) {
			// A heartbeat is pointless to a client that still has bytes coming.
			if (topic) subscriber.missed |= topic.bit;
			return false;
		}
		if (topic) subscriber.received |= topic.bit;
		if (this.#write(subscriber, chunk, topic)) return true;
		this.#markBehind(subscriber);
		return true;
	}

	#markBehind(subscriber: Subscriber): void {
		subscriber.isBehind = true;
		this.#options.observer.fellBehind();
		subscriber.sink.once('drain', () => {
			subscriber.isBehind = false;
			subscriber.logBacklog = 0;
			const { missed } = subscriber;
			subscriber.missed = 0;
			if (!this.#subscribers.has(subscriber)) return;
			for (const topic of subscriber.topics) if (missed & topic.bit && topic.frame && this.#send(subscriber, topic.frame, topic)) this.#options.observer.sent(topic.event, 1);
		});
	}
}

/** An organizers' topic costs a read per change only while an organizer follows it. */
const isReadWhenFollowed = (topic: Topic) => topic.audience !== 'public';
