import type { PledgeChanges, PledgeSnapshot } from '../pledges/types';
import { encodeEvent, encodeRetry, HEARTBEAT } from './sse';

/**
 * Where one subscriber's bytes go: a Node `ServerResponse` as it is, or an adapter around a web
 * stream. `write` returns false while the client is behind (its buffer is full); 'drain' follows.
 */
export interface StreamSink {
	write(chunk: Uint8Array): boolean;
	once(event: 'drain', listener: () => void): unknown;
	end(): void;
}

export interface StreamHubOptions {
	/** The ledger's current public state, read once per update (not once per subscriber). */
	snapshot: () => Promise<PledgeSnapshot>;
	changes: PledgeChanges;
	/** At most one update per this many milliseconds, whatever the rate of changes. */
	coalesceMs?: number;
	heartbeatMs?: number;
	/** The browser's reconnection delay, spread over this range. */
	retryMs?: readonly [min: number, max: number];
	/** Newest pledges carried by each update. */
	latestCount?: number;
	now?: () => number;
}

interface Subscriber {
	sink: StreamSink;
	/** Set while the sink's buffer is full: nothing more is written until it drains. */
	isBehind: boolean;
	/** An update went by while behind: send the newest frame on drain (never a backlog). */
	hasMissedUpdate: boolean;
	/** Has had a count (a newcomer waits for the read in flight). */
	hasCount: boolean;
}

/**
 * One process-wide fan-out of the pledge count: each change is read and encoded once, then the same
 * bytes are written to every open stream.
 */
export class StreamHub {
	readonly #subscribers = new Set<Subscriber>();
	readonly #options: Required<Omit<StreamHubOptions, 'snapshot' | 'changes'>> & Pick<StreamHubOptions, 'snapshot'>;
	readonly #heartbeat: ReturnType<typeof setInterval>;
	readonly #stopListening: () => void;
	/** The newest count, encoded; none until the first read of the store succeeds. */
	#frame: Buffer | undefined;
	#lastId = 0;
	#flushTimer: ReturnType<typeof setTimeout> | undefined;
	#isReading = false;
	/** A change arrived while a read was in flight: read again after it. */
	#isStale = false;
	#lastFlushAt = Number.NEGATIVE_INFINITY;
	#isClosed = false;

	constructor({ changes, ...options }: StreamHubOptions) {
		this.#options = { coalesceMs: 100, heartbeatMs: 15_000, retryMs: [1_000, 5_000], latestCount: 5, now: Date.now, ...options };
		this.#stopListening = changes.subscribe(() => this.#scheduleFlush());
		void this.#flush();
		// The first read is not an update: the first change after it goes out at once.
		this.#lastFlushAt = Number.NEGATIVE_INFINITY;
		const heartbeat = Buffer.from(HEARTBEAT);
		this.#heartbeat = setInterval(() => this.#broadcast(heartbeat, false), this.#options.heartbeatMs);
		this.#heartbeat.unref();
	}

	/** Open streams. */
	get size(): number {
		return this.#subscribers.size;
	}

	/** The id of the newest update; increases across restarts, as it starts from the clock. */
	get lastEventId(): number {
		return this.#lastId;
	}

	/** Starts a stream with the current state; returns the function that ends the subscription. */
	attach(sink: StreamSink): () => void {
		if (this.#isClosed) {
			sink.end();
			return () => {};
		}
		const subscriber: Subscriber = { sink, isBehind: false, hasMissedUpdate: false, hasCount: false };
		this.#subscribers.add(subscriber);
		const [minRetry, maxRetry] = this.#options.retryMs;
		sink.write(Buffer.from(encodeRetry(minRetry, maxRetry)));
		// With an update on its way, the cached frame is already stale: the newcomer gets that update.
		if (this.#frame && !this.#flushTimer && !this.#isReading) this.#send(subscriber, this.#frame, true);
		return () => this.#subscribers.delete(subscriber);
	}

	/** Ends every stream (the server is shutting down); browsers reconnect after their retry delay. */
	closeAll(): void {
		this.#isClosed = true;
		clearInterval(this.#heartbeat);
		clearTimeout(this.#flushTimer);
		this.#stopListening();
		for (const { sink } of this.#subscribers) sink.end();
		this.#subscribers.clear();
	}

	#encode({ count, updatedAt, latest }: PledgeSnapshot): Buffer {
		this.#lastId = Math.max(this.#options.now(), this.#lastId + 1);
		const data = JSON.stringify({ count, updatedAt, latest: latest.slice(0, this.#options.latestCount) });
		return Buffer.from(encodeEvent({ id: this.#lastId, event: 'count', data }));
	}

	#scheduleFlush(): void {
		if (this.#flushTimer || this.#isClosed) return;
		if (this.#isReading) {
			this.#isStale = true;
			return;
		}
		// Leading edge after a quiet spell (a timer of 0 still gathers changes made in the same tick), then at most one per window.
		const wait = Math.max(0, this.#lastFlushAt + this.#options.coalesceMs - this.#options.now());
		this.#flushTimer = setTimeout(() => void this.#flush(), wait);
	}

	async #flush(): Promise<void> {
		this.#flushTimer = undefined;
		this.#lastFlushAt = this.#options.now();
		this.#isReading = true;
		try {
			const snapshot = await this.#options.snapshot();
			if (this.#isClosed) return;
			this.#frame = this.#encode(snapshot);
			this.#broadcast(this.#frame, true);
		} catch (error) {
			// A store that cannot be read now must not take the server down: streams keep the last
			// count (newcomers get it too), and the next change (or reconnection to the store) reads again.
			console.error('pledge stream: could not read the ledger', (error as Error).message);
			const frame = this.#frame;
			if (frame) for (const subscriber of this.#subscribers) if (!subscriber.hasCount) this.#send(subscriber, frame, true);
		} finally {
			this.#isReading = false;
			if (this.#isStale) {
				this.#isStale = false;
				this.#scheduleFlush();
			}
		}
	}

	#broadcast(chunk: Buffer, isUpdate: boolean): void {
		for (const subscriber of this.#subscribers) this.#send(subscriber, chunk, isUpdate);
	}

	#send(subscriber: Subscriber, chunk: Buffer, isUpdate: boolean): void {
		if (subscriber.isBehind) {
			// A heartbeat is pointless to a client that still has bytes coming.
			if (isUpdate) subscriber.hasMissedUpdate = true;
			return;
		}
		if (isUpdate) subscriber.hasCount = true;
		if (subscriber.sink.write(chunk)) return;
		subscriber.isBehind = true;
		subscriber.sink.once('drain', () => {
			subscriber.isBehind = false;
			if (subscriber.hasMissedUpdate && this.#frame && this.#subscribers.has(subscriber)) {
				subscriber.hasMissedUpdate = false;
				this.#send(subscriber, this.#frame, true);
			}
		});
	}
}
