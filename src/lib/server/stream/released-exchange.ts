import type { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';

/** Node's HTTP parser pool (`node:_http_common`, not typed by @types/node): frees a parser the way Node's own upgrade path does. */
interface HttpCommon {
	freeParser(parser: unknown, request: null, socket: Socket): void;
}
const httpCommon = process.getBuiltinModule('_http_common') as HttpCommon | undefined;

/** The socket's fields Node's HTTP server sets on it (node/lib/_http_server.js, `connectionListenerInternal`). */
interface ServerSocket extends Socket {
	/** `incoming`: the request the parser read last. */
	parser?: { incoming?: IncomingMessage | null } | null;
	_httpMessage?: ServerResponse | null;
}

// Every event Node's HTTP server listens to on a connection (its parser's, the response's 'close'): removed with their bound closures.
const SERVER_EVENTS = ['data', 'end', 'close', 'drain', 'error', 'timeout', 'resume', 'pause'] as const;

/** A reset connection closes the socket, which ends the stream: nothing else to do. */
const ignoreError = () => {};

/**
 * Lets go of what Node keeps for the HTTP exchange of an event stream once its head is on the wire:
 * its parser (a native object too), request, response, their state and a dozen bound listeners,
 * some 6 KiB a viewer. The connection carries nothing else (`connection: close`: no other request
 * is read on it; its response never finishes), so the socket is left as Node leaves one it hands to
 * an `upgrade` handler: it reads only to see the client leave (its end closes it, as before) and
 * closes on an error; whoever follows its 'close' is told.
 *
 * Call it when the request is announced, before adding listeners of your own to the socket: it notes
 * Node's listeners (they are identified by who put them, not by name), and returns the release, to
 * call once the head is written and Node's parser has returned from the request (it announces
 * requests from inside it). The release does nothing once the connection has closed (nor on a Node
 * without its parser pool: the exchange is then kept, as before), nor when the parser has read
 * another request after this one (a client that sent two in one packet): Node holds that one's
 * answer until the stream's ends, and closes it with the connection only while its own listeners
 * are there.
 */
export function exchangeRelease(request: IncomingMessage, response: ServerResponse, socket: Socket): () => void {
	const nodeListeners = SERVER_EVENTS.map((event) => [event, socket.listeners(event)] as const);
	return () => {
		const serverSocket = socket as ServerSocket;
		if (!httpCommon || socket.destroyed || serverSocket._httpMessage !== response) return;
		if (serverSocket.parser && serverSocket.parser.incoming !== request) return;
		response.detachSocket(socket);
		for (const [event, listeners] of nodeListeners) for (const listener of listeners) socket.removeListener(event, listener as (...args: unknown[]) => void);
		if (serverSocket.parser) httpCommon.freeParser(serverSocket.parser, null, socket);
		// Node's wrappers of these (one closure each per connection) only watch for a reader taking over from the parser.
		socket.on = Socket.prototype.on;
		socket.addListener = Socket.prototype.addListener;
		socket.prependListener = Socket.prototype.prependListener;
		socket.on('error', ignoreError);
		// The server's sockets stay open after the client's end (for a response still being sent); this one ends with it.
		socket.allowHalfOpen = false;
		// What a client sends after its request is read and dropped, so that its end (or a reset) is seen.
		socket.resume();
	};
}
