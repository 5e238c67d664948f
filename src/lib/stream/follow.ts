import { connectStream, type StreamConnection } from './shared-source';

/** `live`: streaming; `reconnecting`: the stream dropped and the browser is retrying; `polling`: the fallback. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'polling';

export interface FollowOptions {
	streamUrl?: string;
	pollMs?: number;
	/** Consecutive stream errors without an update before falling back to polling. */
	failuresBeforePolling?: number;
	/** While polling, how long before trying the stream again. */
	streamRetryMs?: number;
}

export interface Followed<T> {
	/** The stream's event carrying this value. */
	event: string;
	/** The JSON read when polling. */
	pollUrl: string;
	/** The value from the event's data or the poll's JSON; undefined when it is not one. */
	parse: (value: unknown) => T | undefined;
	/** The event that changes the value (the snapshot's changes), and how: undefined when the change is not the next one. */
	changes?: { event: string; apply: (value: T, change: unknown) => T | undefined };
}

/**
 * Follows one event of the site's stream: an EventSource, which the browser reconnects by itself
 * (with the server's jittered `retry`); after repeated failures, polling until the stream can be
 * tried again. Returns the function that stops everything.
 */
export function followStream<T>(
	{ event, pollUrl, parse, changes }: Followed<T>,
	onValue: (value: T) => void,
	onStatus: (status: LiveStatus) => void,
	{ streamUrl = '/api/pledges/stream', pollMs = 5_000, failuresBeforePolling = 3, streamRetryMs = 60_000 }: FollowOptions = {}
): () => void {
	let connection: StreamConnection | undefined;
	let failures = 0;
	let pollTimer: ReturnType<typeof setInterval> | undefined;
	let streamRetryTimer: ReturnType<typeof setTimeout> | undefined;
	/** The value as the stream last made it, which its changes apply to; undefined: waiting for a snapshot. */
	let current: T | undefined;

	function openStream() {
		onStatus(failures > 0 ? 'reconnecting' : 'connecting');
		const opened = connectStream(streamUrl);
		connection = opened;
		opened.on(event, (message) => {
			const value = parse(safeJson(message.data));
			if (value === undefined) return;
			failures = 0;
			current = value;
			onStatus('live');
			onValue(value);
		});
		if (changes) {
			opened.on(changes.event, (message) => {
				const next = current === undefined ? undefined : changes.apply(current, safeJson(message.data));
				// A change out of sequence (one went missing): everything since the last snapshot is suspect.
				if (next === undefined) {
					current = undefined;
					opened.resync();
					return;
				}
				current = next;
				onValue(next);
			});
		}
		opened.on('error', () => {
			failures += 1;
			// CLOSED: the browser gave up (an HTTP error or a wrong content type); it will not retry.
			if (opened.source.readyState === EventSource.CLOSED || failures >= failuresBeforePolling) startPolling();
			else onStatus('reconnecting');
		});
	}

	async function poll() {
		try {
			const response = await fetch(pollUrl, { headers: { accept: 'application/json' }, cache: 'no-store' });
			const value = response.ok ? parse(await response.json()) : undefined;
			if (value !== undefined) onValue(value);
		} catch {
			// Offline: the next poll tries again.
		}
	}

	function startPolling() {
		connection?.release();
		connection = undefined;
		onStatus('polling');
		void poll();
		pollTimer = setInterval(poll, pollMs);
		streamRetryTimer = setTimeout(() => {
			stopPolling();
			openStream();
		}, streamRetryMs);
	}

	function stopPolling() {
		clearInterval(pollTimer);
		clearTimeout(streamRetryTimer);
	}

	openStream();
	return () => {
		stopPolling();
		connection?.release();
	};
}

/** The event's data as JSON; undefined when it is not JSON (a proxy's page, say). */
export function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
