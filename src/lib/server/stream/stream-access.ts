import { env } from '$env/dynamic/private';
import { PUBLIC_READ_HEADERS } from '../http/public-read';
import { STREAM_HEADERS } from './sse';
import { createStreamAdmission } from './stream-admission.js';
import type { StreamHub } from './stream-hub';

// Who gets a live stream, decided alike on the route (live-endpoint.ts) and on the socket path (socket-path.ts).

/** Where the stream's routes are (src/routes/api/pledges/stream, src/routes/api/live): its first name and a neutral one. */
export const LIVE_STREAM_PATHS: readonly string[] = ['/api/pledges/stream', '/api/live'];

// Caps on open streams, per client address and in all. src/bin/serve.js sets STREAM_LIMIT_TOTAL
// from the file descriptors the process may hold; without it (vite dev, vite preview) only the
// per-address cap applies.
let admission: ReturnType<typeof createStreamAdmission> | undefined;
const streamAdmission = () =>
	(admission ??= createStreamAdmission({
		perAddress: Number(env.STREAM_LIMIT_PER_ADDRESS ?? 1000),
		total: Number(env.STREAM_LIMIT_TOTAL) || Number.POSITIVE_INFINITY
	}));

export interface Refusal {
	status: number;
	message: string;
	headers?: Record<string, string>;
}

/** A place under the caps for a stream from `address` (undefined: the proxy's address header is missing), or why not. */
export function admitStream(address: string | undefined): Refusal | { release: () => void } {
	if (!address) return { status: 400, message: `This request lacks the ${env.ADDRESS_HEADER} header the server expects from its proxy.` };
	const place = streamAdmission().admit(address);
	if (place.admitted) return { release: place.release };
	return place.reason === 'address'
		? { status: 429, message: 'Too many live streams from this address.', headers: { 'retry-after': '30' } }
		: { status: 503, message: 'The server holds as many live streams as it can.', headers: { 'retry-after': '30' } };
}

export const refusalHeaders = (refusal: Refusal) => ({ 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...refusal.headers });

/** The headers of a public stream: any site may read it. */
export const PUBLIC_STREAM_HEADERS = { ...STREAM_HEADERS, ...PUBLIC_READ_HEADERS };

/**
 * The id a reconnecting browser last saw (its `Last-Event-ID` header), when it is one of ours: a
 * whole number. Anything else starts the stream afresh (from the clock).
 */
export function resumedAfter(lastEventId: string | null | undefined): number | undefined {
	if (!lastEventId || !/^\d{1,15}$/.test(lastEventId.trim())) return undefined;
	return Number(lastEventId.trim());
}

/** `?topics=a,b` as the hub's events in the hub's order; the public ones when absent; undefined when one is unknown. */
export function requestedTopics(url: URL, hub: Pick<StreamHub, 'topics' | 'publicTopics' | 'audienceOf'>): string[] | undefined {
	const asked = url.searchParams.get('topics');
	if (asked === null || asked.trim() === '') return [...hub.publicTopics];
	const names = asked.split(',').map((name) => name.trim());
	if (names.some((name) => hub.audienceOf(name) === undefined)) return undefined;
	return hub.topics.filter((event) => names.includes(event));
}
