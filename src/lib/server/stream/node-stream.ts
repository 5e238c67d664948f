import type { IncomingMessage, ServerResponse } from 'node:http';
import { STREAM_HEADERS } from './sse';
import type { StreamHub } from './stream-hub';

/**
 * Serves an event stream on Node's own response object: the hub writes shared Buffers straight to
 * the socket. Used by src/bin/serve.js ahead of SvelteKit, because a web ReadableStream and its
 * Request/Response per viewer cost several times the memory at ten thousand viewers.
 */
export function serveNodeStream(hub: StreamHub, request: IncomingMessage, response: ServerResponse): void {
	// The connection is never reused after a stream, and `close` lets shutdown end it at once.
	response.writeHead(200, { ...STREAM_HEADERS, connection: 'close' });
	if (request.method === 'HEAD') {
		response.end();
		return;
	}
	request.socket.setNoDelay(true);
	const detach = hub.attach(response);
	response.on('close', detach);
}
