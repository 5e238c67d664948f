import type { PledgeChanges } from '../pledges/types';

/** One entry of a log topic as the store gives it: a caption line's version. */
export interface LogEntry {
	/** Grows with every entry (the store's sequence): where the next read starts. */
	cursor: number;
	/** A later entry with the same key replaces this one among the kept (a partial line's next version). */
	key: string;
	data: string;
}

/**
 * A topic whose every entry reaches every follower (caption lines), unlike a state topic whose
 * newest frame is enough: read after a cursor, coalesced into one read per window, and the newest
 * entries kept so that a stream resuming with Last-Event-ID gets what it missed.
 */
export interface LogTopic {
	/** The name a stream follows it by (`captions-en`). */
	event: string;
	/** The event name of its frames (`caption`). */
	frameEvent: string;
	/** At most `page` entries after `cursor`, oldest first. */
	readAfter(cursor: number, page: number): Promise<LogEntry[]>;
	/** The newest `count` entries, oldest first: what is kept after a restart. */
	readLatest(count: number): Promise<LogEntry[]>;
	changes: PledgeChanges;
	coalesceMs?: number;
	/** Entries kept for streams that resume (200 caption lines). */
	keep?: number;
	/** Entries a new stream starts with (the panel's last lines). */
	initial?: number;
}

/** A kept entry, encoded once with its stream id. */
export interface KeptFrame {
	id: number;
	key: string;
	frame: Buffer;
}

const PAGE = 500;
// On PostgreSQL two writers may commit out of sequence order: each read looks this far back, skipping what it has seen.
const LOOKBACK = 64;
const SEEN_MAX = 4 * PAGE;

/** One log topic's reads, kept frames and timer, for the hub (stream-hub.ts) that fans its frames out. */
export class ReplayLog {
	readonly event: string;
	readonly keep: number;
	readonly #topic: LogTopic;
	/** The hub's encoder: the next stream id, shared with every other topic, and the frame's bytes. */
	readonly #encode: (data: string) => { id: number; frame: Buffer };
	readonly #publish: (kept: KeptFrame) => void;
	readonly #now: () => number;
	readonly #coalesceMs: number;
	#kept: KeptFrame[] = [];
	#cursor = 0;
	readonly #seen = new Set<number>();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#isReading = false;
	#isStale = false;
	#lastReadAt = Number.NEGATIVE_INFINITY;
	#stopListening: () => void = () => {};
	#isClosed = false;

	constructor(topic: LogTopic, encode: (data: string) => { id: number; frame: Buffer }, publish: (kept: KeptFrame) => void, now: () => number, coalesceMs: number) {
		this.#topic = topic;
		this.event = topic.event;
		this.keep = topic.keep ?? 200;
		this.#encode = encode;
		this.#publish = publish;
		this.#now = now;
		this.#coalesceMs = topic.coalesceMs ?? coalesceMs;
		this.#stopListening = topic.changes.subscribe(() => this.#schedule());
		this.#run(async () => {
			for (const entry of await topic.readLatest(this.keep)) this.#add(entry, false);
		});
	}

	/** What a stream starts with: the kept frames after `lastEventId`, or the last few for a new stream. */
	since(lastEventId: number | undefined): KeptFrame[] {
		if (lastEventId === undefined) return this.#kept.slice(-(this.#topic.initial ?? 3));
		return this.#kept.filter((kept) => kept.id > lastEventId);
	}

	close(): void {
		this.#isClosed = true;
		clearTimeout(this.#timer);
		this.#stopListening();
	}

	#schedule(): void {
		if (this.#isClosed) return;
		if (this.#isReading) {
			this.#isStale = true;
			return;
		}
		if (this.#timer) return;
		const wait = Math.max(0, this.#lastReadAt + this.#coalesceMs - this.#now());
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			this.#lastReadAt = this.#now();
			this.#run(() => this.#readNew());
		}, wait);
	}

	async #readNew(): Promise<void> {
		for (;;) {
			const entries = await this.#topic.readAfter(Math.max(0, this.#cursor - LOOKBACK), PAGE);
			let isNew = false;
			for (const entry of entries) {
				if (this.#seen.has(entry.cursor)) continue;
				isNew = true;
				this.#add(entry, true);
			}
			if (entries.length < PAGE || !isNew) return;
		}
	}

	/** A read under way, then another if a change came meanwhile; a store that cannot be read leaves the log as it was. */
	#run(read: () => Promise<void>): void {
		this.#isReading = true;
		read()
			.catch((error: unknown) => console.error(`event stream: could not read the ${this.event} log`, (error as Error).message ?? error))
			.finally(() => {
				this.#isReading = false;
				if (this.#isStale) {
					this.#isStale = false;
					this.#schedule();
				}
			});
	}

	#add(entry: LogEntry, isPublished: boolean): void {
		if (this.#isClosed) return;
		this.#cursor = Math.max(this.#cursor, entry.cursor);
		this.#seen.add(entry.cursor);
		if (this.#seen.size > SEEN_MAX) this.#seen.delete(this.#seen.values().next().value!);
		const { id, frame } = this.#encode(entry.data);
		const kept: KeptFrame = { id, key: entry.key, frame };
		this.#kept = this.#kept.filter((earlier) => earlier.key !== entry.key);
		this.#kept.push(kept);
		if (this.#kept.length > this.keep) this.#kept.shift();
		if (isPublished) this.#publish(kept);
	}
}
