import type { StreamSink } from '$lib/server/stream/stream-hub';

/** One event as a client parses it: its id, name and data. */
export interface ReadEvent {
	id: number;
	event: string;
	data: string;
	/** The bytes this event took on the wire (its `id:` line included). */
	bytes: number;
}

/**
 * A stream's client in a unit test: keeps what the hub writes and parses it as an EventSource does;
 * `isFull` plays a client whose buffer is full (the hub waits for `drain`).
 */
export class EventSink implements StreamSink {
	#text = '';
	#read = 0;
	#drain: (() => void) | undefined;
	isFull = false;
	hasEnded = false;

	write(chunk: Uint8Array) {
		this.#text += Buffer.from(chunk).toString();
		return !this.isFull;
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
	/** Bytes written so far. */
	get bytes() {
		return Buffer.byteLength(this.#text);
	}
	/** The events written since the last call (a client reading as they come). */
	take(): ReadEvent[] {
		const text = this.#text.slice(this.#read);
		const events: ReadEvent[] = [];
		let consumed = 0;
		for (const block of text.split('\n\n').slice(0, -1)) {
			consumed += block.length + 2;
			const lines = block.split('\n');
			const field = (name: string) => lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
			const event = field('event');
			if (event) events.push({ id: Number(field('id')), event, data: field('data') ?? '', bytes: Buffer.byteLength(block) + 2 });
		}
		this.#read += consumed;
		return events;
	}
}
