import type { Pledge } from '$lib/pledges/types';

/** What the counter shows: the stream's `count` event, or `GET /api/pledges` when polling. */
export interface LiveCount {
	count: number;
	updatedAt: string;
	latest: Pledge[];
}

/** `live`: streaming; `reconnecting`: the stream dropped and the browser is retrying; `polling`: the fallback. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'polling';

export interface FollowOptions {
	streamUrl?: string;
	pollUrl?: string;
	pollMs?: number;
	/** Consecutive stream errors without an update before falling back to polling. */
	failuresBeforePolling?: number;
	/** While polling, how long before trying the stream again. */
	streamRetryMs?: number;
}

export function parseLiveCount(value: unknown): LiveCount | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { count, updatedAt, latest, pledges } = value as Record<string, unknown>;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
	const list = Array.isArray(latest) ? latest : Array.isArray(pledges) ? pledges : [];
	return { count, updatedAt: typeof updatedAt === 'string' ? updatedAt : '', latest: list as Pledge[] };
}

/**
 * Follows the pledge count: an EventSource on the stream, which the browser reconnects by itself
 * (with the server's jittered `retry`); after repeated failures, polling until the stream can be
 * tried again. Returns the function that stops everything.
 */
export function followPledgeCount(
	onCount: (live: LiveCount) => void,
	onStatus: (status: LiveStatus) => void,
	{ streamUrl = '/api/pledges/stream', pollUrl = '/api/pledges?limit=5', pollMs = 5_000, failuresBeforePolling = 3, streamRetryMs = 60_000 }: FollowOptions = {}
): () => void {
	let source: EventSource | undefined;
	let failures = 0;
	let pollTimer: ReturnType<typeof setInterval> | undefined;
	let streamRetryTimer: ReturnType<typeof setTimeout> | undefined;

	function openStream() {
		onStatus(failures > 0 ? 'reconnecting' : 'connecting');
		source = new EventSource(streamUrl);
		source.addEventListener('count', (event) => {
			const live = parseLiveCount(safeJson((event as MessageEvent<string>).data));
			if (!live) return;
			failures = 0;
			onStatus('live');
			onCount(live);
		});
		source.addEventListener('error', () => {
			failures += 1;
			// CLOSED: the browser gave up (an HTTP error or a wrong content type); it will not retry.
			if (source?.readyState === EventSource.CLOSED || failures >= failuresBeforePolling) startPolling();
			else onStatus('reconnecting');
		});
	}

	async function poll() {
		try {
			const response = await fetch(pollUrl, { headers: { accept: 'application/json' }, cache: 'no-store' });
			const live = response.ok ? parseLiveCount(await response.json()) : undefined;
			if (live) onCount(live);
		} catch {
			// Offline: the next poll tries again.
		}
	}

	function startPolling() {
		source?.close();
		source = undefined;
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
		source?.close();
	};
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}
