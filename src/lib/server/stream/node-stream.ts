import type { IncomingMessage, ServerResponse } from 'node:http';
import { PUBLIC_READ_HEADERS } from '../http/public-read';
import { STREAM_HEADERS } from './sse';
import type { StreamHub, StreamSink } from './stream-hub';

/**
 * Serves an event stream on Node's own connection: after the headers, the hub writes its shared
 * Buffers straight to the socket. Used by src/bin/serve.js ahead of SvelteKit: a web ReadableStream
 * (and chunked encoding on `res.write`) per viewer costs memory and CPU at ten thousand viewers.
 */
export function serveNodeStream(hub: StreamHub, request: IncomingMessage, response: ServerResponse): void {
	// No Content-Length and no chunked encoding: the body runs until the connection closes, which
	// is what an event stream does anyway, and lets raw socket writes be the body.
	response.removeHeader('transfer-encoding');
	// The pledges' stream is public: any site may follow it (the moderators' stream is not, and has its own headers).
	response.writeHead(200, { ...STREAM_HEADERS, ...PUBLIC_READ_HEADERS, connection: 'close' });
	if (request.method === 'HEAD') {
		response.end();
		return;
	}
	response.flushHeaders();
	const socket = response.socket;
	if (!socket) return;
	socket.setNoDelay(true);
	const sink: StreamSink = {
		write: (chunk) => socket.write(chunk),
		once: (event, listener) => socket.once(event, listener),
		end: () => socket.end()
	};
	const detach = hub.attach(sink);
	socket.once('close', detach);
}
