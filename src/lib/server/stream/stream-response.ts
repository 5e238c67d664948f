import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { currentNodeExchange, type NodeExchange } from './node-exchange';
import { STREAM_HEADERS } from './sse';
import type { StreamHub, StreamSink } from './stream-hub';

export interface HubStream {
	hub: StreamHub;
	/** The events of the topics it follows. */
	events: readonly string[];
	/** The client's `Last-Event-ID`, when it resumes: this stream's ids start above it. */
	resumesAfter?: number;
	/** Beside the event-stream headers (who may read it). */
	headers: Record<string, string>;
	/** Called once, when the stream ends (its place is given back). */
	onEnd: () => void;
	/** The resuming browser's Last-Event-ID: its log topics (captions) start after it. */
	lastEventId?: number;
}

/**
 * The Response of one event stream fed by the hub. Through a Node server (`vite dev`, `vite preview`,
 * src/bin/serve.js) SvelteKit sends the headers, then the hub writes its shared Buffers straight to
 * the socket: a web stream per viewer, with chunked encoding, costs about twice the memory at ten
 * thousand viewers. Elsewhere (a request that reached the server before this module was loaded) a web stream.
 */
export function hubStreamResponse(stream: HubStream): Response {
	let hasEnded = false;
	let detach = () => {};
	const end = () => {
		if (hasEnded) return;
		hasEnded = true;
		detach();
		stream.onEnd();
	};
	const exchange = currentNodeExchange();
	// No Content-Length and no chunked encoding: the body runs until the connection closes, which
	// is what an event stream does anyway, and lets raw socket writes be the body.
	exchange?.response.removeHeader('transfer-encoding');
	const body = exchange ? socketBody(stream, exchange, end, (next) => (detach = next)) : webBody(stream, end, (next) => (detach = next));
	return new Response(body, { headers: { ...STREAM_HEADERS, connection: 'close', ...stream.headers } });
}

type Attached = (detach: () => void) => void;

/** A body SvelteKit never reads from: on its first read the headers have been written, and the socket is the hub's. */
function socketBody({ hub, events, resumesAfter }: HubStream, { response }: NodeExchange, end: () => void, attached: Attached): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>(
		{
			pull() {
				onceSocketIsAssigned(response, (socket) => {
					response.flushHeaders();
					attached(streamOnSocket(hub, events, socket, resumesAfter));
					socket.once('close', end);
				});
				// Never settles: nothing more comes through SvelteKit; the socket's end ends the stream.
				return new Promise<void>(() => {});
			},
			cancel: end
		},
		// Read only when SvelteKit asks, after it has written the head.
		{ highWaterMark: 0 }
	);
}

/**
 * Node gives a response its socket at once, or, on a kept-alive connection whose previous response
 * has not finished yet, when that one has: what is written before waits in the response till then.
 */
export function onceSocketIsAssigned(response: ServerResponse, start: (socket: Socket) => void): void {
	if (response.socket) start(response.socket);
	else response.once('socket', start);
}

/** The hub writes to the socket (its head already sent); returns the detach, for the caller to call when the socket closes. */
export function streamOnSocket(hub: StreamHub, events: readonly string[], socket: Socket, resumesAfter?: number): () => void {
	socket.setNoDelay(true);
	// The socket is a sink as it is (write, cork, uncork, once('drain'), end): no object of its own per viewer.
	const sink: StreamSink = socket;
	return hub.attach(sink, events, resumesAfter);
}

/** The portable body: the hub's Buffers through a web stream, a few queued at most. */
function webBody({ hub, events, resumesAfter }: HubStream, end: () => void, attached: Attached): ReadableStream<Uint8Array> {
	let drained: (() => void) | undefined;
	return new ReadableStream<Uint8Array>(
		{
			start(controller) {
				attached(
					hub.attach(
						{
							write(chunk) {
								controller.enqueue(chunk);
								return (controller.desiredSize ?? 0) > 0;
							},
							once: (_event, listener) => (drained = listener),
							end() {
								end();
								controller.close();
							}
						},
						events,
						resumesAfter
					)
				);
			},
			pull() {
				const listener = drained;
				drained = undefined;
				listener?.();
			},
			cancel: end
		},
		{ highWaterMark: 4 }
	);
}
