import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { env } from '$env/dynamic/private';
import { nodeClientAddress } from '../http/node-client-address.js';
import { securityHeaders } from '../http/security-headers.js';
import { openedSite } from '../site';
import { admitStream, LIVE_STREAM_PATHS, PUBLIC_STREAM_HEADERS, requestedTopics, resumedAfter } from './stream-access';
import { exchangeRelease } from './released-exchange';
import { onceSocketIsAssigned, streamOnSocket } from './stream-response';

/** The path as SvelteKit routes it: `/api/pledges/%73tream` is the stream too, and meets its caps. */
function decodedPath(pathname: string): string {
	try {
		return pathname.split('%25').map(decodeURI).join('%25');
	} catch {
		return pathname;
	}
}

/**
 * A public stream answered on Node's own request, from the announcement Node makes of each request
 * before any handler runs: the hub writes to the socket and nothing of SvelteKit's handling stays in
 * memory (a stream through the route costs about twice the memory per viewer at ten thousand).
 * Once the head is sent, what Node keeps for the HTTP exchange is let go (released-exchange.ts).
 * The same decisions as the route (stream-access.ts); what it does not take goes on to the route:
 * a HEAD, an organizers' topic, an unknown one, a refusal. True when it answered.
 */
export function answerOnSocket(request: IncomingMessage, response: ServerResponse): boolean {
	const hub = openedSite()?.hub;
	if (request.method !== 'GET' || !hub) return false;
	const url = new URL(request.url ?? '/', 'http://localhost');
	if (!LIVE_STREAM_PATHS.includes(decodedPath(url.pathname))) return false;
	const events = requestedTopics(url, hub);
	if (!events || events.some((event) => hub.audienceOf(event) !== 'public')) return false;
	const admitted = admitStream(nodeClientAddress(request));
	// A refusal goes on to the route, which makes the same decision and says why in the request's language
	// (a refused stream holds no place, so nothing is counted twice).
	if ('status' in admitted) return false;
	const headers = securityHeaders();
	for (const [name, value] of Object.entries({ ...headers, ...PUBLIC_STREAM_HEADERS, connection: 'close' })) response.setHeader(name, value);
	// No Content-Length and no chunked encoding: the body runs until the connection closes.
	response.removeHeader('transfer-encoding');
	// Written now, so serve.js's handler sees it answered; sent once Node gives the response its socket
	// (at once, or after the response before it on a kept-alive connection has finished).
	response.writeHead(200);
	const { socket } = request;
	// Before this stream's own listener, which the release keeps.
	const releaseExchange = exchangeRelease(request, response, socket);
	const streamStarted = givenBackOnClose(socket, admitted.release);
	onceSocketIsAssigned(response, () => {
		response.flushHeaders();
		const lastEventId = request.headers['last-event-id'];
		streamStarted(streamOnSocket(hub, events, socket, resumedAfter(Array.isArray(lastEventId) ? lastEventId[0] : lastEventId)));
		// Node announces a request from inside its parser: the exchange is let go once that has returned.
		setImmediate(releaseExchange);
	});
	return true;
}

/**
 * One listener a viewer: when the connection closes, the subscription (once it has started: pass its
 * detach to the returned function) and the place under the caps are given back. A function of its
 * own, so that what the listener keeps alive is these two, not the request and response.
 */
function givenBackOnClose(socket: Socket, release: () => void): (detach: () => void) => void {
	let detach = () => {};
	socket.on('close', () => {
		detach();
		release();
	});
	return (started) => (detach = started);
}

let isListening = false;

/**
 * Under src/bin/serve.js (it sets STREAM_ON_SOCKET), public streams take the socket path; serve.js
 * follows a response already answered by its connection alone. `vite dev` and `vite preview` answer every stream through the route.
 */
export function answerOnSocketUnderServe(): void {
	if (isListening || env.STREAM_ON_SOCKET !== '1') return;
	isListening = true;
	subscribe('http.server.request.start', (message) => {
		const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
		answerOnSocket(request, response);
	});
}
