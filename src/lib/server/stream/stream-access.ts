import { env } from '$env/dynamic/private';
import { isLanguage } from '../../i18n/languages';
import { captionTopic } from '../captions/caption-log';
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
	/** The sentence of locales/ (common:api.stream.*) that says why, answered in the request's language. */
	key: string;
	values?: Record<string, string>;
	headers?: Record<string, string>;
}

/** A place under the caps for a stream from `address` (undefined: the proxy's address header is missing), or why not. */
export function admitStream(address: string | undefined): Refusal | { release: () => void } {
	if (!address) return { status: 400, key: 'common:api.stream.missingAddressHeader', values: { header: env.ADDRESS_HEADER ?? '' } };
	const place = streamAdmission().admit(address);
	if (place.admitted) return { release: place.release };
	return place.reason === 'address'
		? { status: 429, key: 'common:api.stream.tooManyFromAddress', headers: { 'retry-after': '30' } }
		: { status: 503, key: 'common:api.stream.full', headers: { 'retry-after': '30' } };
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

/**
 * `?topics=a,b` as the hub's events in the hub's order; the public ones when absent; undefined when one
 * is unknown. `?captions=<lang>` adds that language's captions (none without it).
 */
export function requestedTopics(url: URL, hub: Pick<StreamHub, 'topics' | 'publicTopics' | 'audienceOf'>): string[] | undefined {
	const asked = url.searchParams.get('topics');
	const captions = url.searchParams.get('captions');
	const names = asked === null || asked.trim() === '' ? [...hub.publicTopics] : asked.split(',').map((name) => name.trim());
	if (captions !== null) names.push(isLanguage(captions) ? captionTopic(captions) : 'captions-?');
	if (names.some((name) => hub.audienceOf(name) === undefined)) return undefined;
	return hub.topics.filter((event) => names.includes(event));
}

