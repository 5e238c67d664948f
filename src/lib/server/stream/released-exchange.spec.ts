import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exchangeRelease } from './released-exchange';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** What the test server's one stream leaves to look at: weak references, so that the test itself keeps nothing alive. */
interface Released {
	socket: Socket;
	request: WeakRef<IncomingMessage>;
	response: WeakRef<ServerResponse>;
	closed: Promise<void>;
}

/** A raw client: what it reads, and when the server has closed the connection. */
function rawClient(port: number, request: string) {
	const client = { received: '', socket: connect(port, '127.0.0.1'), ended: undefined as unknown as Promise<void> };
	client.ended = new Promise<void>((resolve) => client.socket.once('close', () => resolve()));
	client.socket.setEncoding('latin1');
	client.socket.on('data', (chunk: string) => (client.received += chunk));
	client.socket.on('error', () => {});
	client.socket.write(request);
	return client;
}

/** A function of its own: a listener made inside the request handler would keep the handler's request and response alive. */
const closeOf = (socket: Socket) => new Promise<void>((resolve) => socket.on('close', () => resolve()));

const STREAM_REQUEST = 'GET /stream HTTP/1.1\r\nHost: localhost\r\n\r\n';

async function until(condition: () => boolean, what: string): Promise<void> {
	for (let tries = 0; !condition(); tries += 1) {
		if (tries > 400) throw new Error(`waited in vain for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

describe('an event stream lets go of its HTTP exchange once its head is sent', () => {
	let server: Server;
	let port: number;
	let released: Promise<Released>;

	beforeEach(async () => {
		let resolveReleased: (value: Released) => void;
		released = new Promise((resolve) => (resolveReleased = resolve));
		// As the socket path does: the head on its way, then the release once Node's parser has returned.
		server = createServer((request, response) => {
			response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'close' });
			const socket = response.socket!;
			const release = exchangeRelease(request, response, socket);
			const closed = closeOf(socket);
			response.flushHeaders();
			setImmediate(() => {
				release();
				resolveReleased({ socket, request: new WeakRef(request), response: new WeakRef(response), closed });
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		port = (server.address() as { port: number }).port;
	});

	afterEach(async () => {
		// A released connection is no longer the HTTP server's to close.
		(await Promise.race([released, undefined]))?.socket.destroy();
		server.closeAllConnections();
		await new Promise((resolve) => server.close(resolve));
	});

	it('keeps its socket writable and its own close listener, with nothing of the parser, request or response left on it', async () => {
		const client = rawClient(port, STREAM_REQUEST);
		const { socket } = await released;
		expect((socket as Socket & { parser?: unknown }).parser).toBeNull();
		expect((socket as Socket & { _httpMessage?: unknown })._httpMessage).toBeNull();
		expect(socket.listenerCount('data') + socket.listenerCount('end') + socket.listenerCount('drain') + socket.listenerCount('timeout')).toBe(0);
		expect(socket.listenerCount('close')).toBe(1);
		socket.write('data: after the release\n\n');
		await until(() => client.received.includes('data: after the release'), 'the write after the release');
		expect(client.received).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
		client.socket.destroy();
	});

	it('its request and response can be collected while the stream stays open', async () => {
		const client = rawClient(port, STREAM_REQUEST);
		const { socket, request, response } = await released;
		await until(() => {
			collectGarbage();
			return request.deref() === undefined && response.deref() === undefined;
		}, 'the request and response to be collected');
		expect(socket.destroyed).toBe(false);
		client.socket.destroy();
	});

	it('reads and drops what the client sends after its request: no other answer is written into the stream', async () => {
		const client = rawClient(port, STREAM_REQUEST);
		const { socket } = await released;
		client.socket.write('GET /another HTTP/1.1\r\nHost: localhost\r\n\r\nnot http at all\r\n\r\n');
		socket.write('data: still the stream\n\n');
		await until(() => client.received.includes('data: still the stream'), 'the write after the client’s bytes');
		expect(client.received.match(/HTTP\/1\.1/g)).toHaveLength(1);
		expect(socket.destroyed).toBe(false);
		client.socket.destroy();
	});

	// Its end closes the connection as before the release; a reset closes it without an error thrown.
	for (const [how, leave] of [
		['ends its side', (socket: Socket) => socket.end()],
		['resets the connection', (socket: Socket) => socket.resetAndDestroy()]
	] as const) {
		it(`closes when the client ${how}`, async () => {
			const client = rawClient(port, STREAM_REQUEST);
			const { closed } = await released;
			leave(client.socket);
			await closed;
			await client.ended;
		});
	}

	it('lets nothing go when the client sent another request behind it in one write: that answer still closes with the connection', async () => {
		let behind: ServerResponse | undefined;
		let isBehindClosed = false;
		const releasedOnSocket = new Promise<Socket>((resolve) => {
			server.removeAllListeners('request');
			server.on('request', (request: IncomingMessage, response: ServerResponse) => {
				if (request.url !== '/stream') {
					behind = response;
					response.on('close', () => (isBehindClosed = true));
					response.end('another answer');
					return;
				}
				response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'close' });
				const socket = response.socket!;
				const release = exchangeRelease(request, response, socket);
				response.flushHeaders();
				setImmediate(() => {
					release();
					resolve(socket);
				});
			});
		});
		const client = rawClient(port, `${STREAM_REQUEST}GET /another HTTP/1.1\r\nHost: localhost\r\n\r\n`);
		const socket = await releasedOnSocket;
		await until(() => behind !== undefined, 'the request behind the stream');
		expect((socket as Socket & { parser?: unknown }).parser).not.toBeNull();
		client.socket.destroy();
		await until(() => isBehindClosed, 'the answer behind the stream to close with the connection');
	});

	it('does nothing once the connection has closed', async () => {
		const closedFirst = new Promise<() => void>((resolve) => {
			server.removeAllListeners('request');
			server.on('request', (request: IncomingMessage, response: ServerResponse) => {
				response.writeHead(200, { 'content-type': 'text/event-stream', connection: 'close' });
				const release = exchangeRelease(request, response, response.socket!);
				response.socket!.on('close', () => resolve(release));
				response.socket!.destroy();
			});
		});
		rawClient(port, STREAM_REQUEST);
		const release = await closedFirst;
		expect(() => release()).not.toThrow();
	});
});
