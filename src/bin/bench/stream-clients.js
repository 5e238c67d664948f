// @ts-check
// A load generator for the stream bench parts (forked, driven over IPC): holds many
// `GET /api/pledges/stream` connections on raw TCP sockets and reports, per expected count, when
// each socket received it. Raw sockets keep the generator light enough to share two cores with the
// server; arrival times are process.hrtime (CLOCK_MONOTONIC), comparable with the parent's.
import net from 'node:net';

/** @type {{ socket: net.Socket, tail: string, arrivedAt: number | undefined }[]} */
const clients = [];
/** @type {{ needle: string, pending: number, resolve: () => void } | undefined} */
let watch;

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/**
 * @param {string} host @param {number} port @param {string} path the stream's path and query
 * @param {string} openedBy the text that shows the stream open (the site's first event; nchan's greeting)
 */
function connect(host, port, headers = '', path = '/api/pledges/stream', openedBy = 'event: count') {
	return new Promise((resolve) => {
		const socket = net.connect({ host, port });
		const client = { socket, tail: '', arrivedAt: /** @type {number | undefined} */ (undefined) };
		let isOpen = false;
		socket.setEncoding('latin1');
		socket.once('connect', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}:${port}\r\nAccept: text/event-stream\r\n${headers}\r\n`));
		socket.on('data', (/** @type {string} */ chunk) => {
			const text = client.tail + chunk;
			if (!isOpen && text.includes(openedBy)) {
				isOpen = true;
				clients.push(client);
				resolve(true);
			}
			if (watch && client.arrivedAt === undefined && text.includes(watch.needle)) {
				client.arrivedAt = nowMs();
				watch.pending -= 1;
				if (watch.pending === 0) watch.resolve();
			}
			// Enough to find a needle split across two reads.
			client.tail = text.slice(-256);
		});
		socket.on('error', () => resolve(false));
		socket.on('close', () => {
			if (!isOpen) resolve(false);
		});
	});
}

process.on('message', async (/** @type {any} */ message) => {
	if (message.type === 'open') {
		let failed = 0;
		// A bounded number of handshakes in flight, as a crowd arriving over a few seconds would be.
		let next = 0;
		const workers = Array.from({ length: 200 }, async () => {
			while (next < message.count) {
				next += 1;
				const header = message.addressHeader ? `${message.addressHeader}: 10.${(next >> 16) & 255}.${(next >> 8) & 255}.${next & 255}\r\n` : '';
				if (!(await connect(message.host, message.port, header, message.path, message.openedBy))) failed += 1;
			}
		});
		await Promise.all(workers);
		process.send?.({ type: 'opened', held: clients.length, failed });
	} else if (message.type === 'expect') {
		for (const client of clients) client.arrivedAt = undefined;
		// A count (the pledge part), or any text the awaited update carries (the questions part).
		const needle = message.needle ?? `"count":${message.count},`;
		await new Promise((resolve) => {
			watch = { needle, pending: clients.length, resolve: () => resolve(undefined) };
			setTimeout(resolve, message.timeoutMs);
			// The parent records the pledge only once every generator is watching.
			process.send?.({ type: 'watching' });
			if (clients.length === 0) resolve(undefined);
		});
		watch = undefined;
		process.send?.({ type: 'arrived', times: clients.map((client) => client.arrivedAt ?? null) });
	} else if (message.type === 'close') {
		for (const { socket } of clients) socket.destroy();
		process.exit(0);
	}
});
process.send?.({ type: 'ready' });
