// @ts-check
// Streams held from one address and from many, against the built server behind a pretend proxy
// (ADDRESS_HEADER), with the file-descriptor limit lowered so that the total cap is reached too;
// the latency of pages and /healthz is measured with no streams, with one address at its cap, and
// with every stream place taken (issue 11's figures). BENCH_FLOOD_FILES changes the limit.
import net from 'node:net';
import { startServer } from '../server.js';

export const name = 'stream-floods';

const files = Number(process.env.BENCH_FLOOD_FILES ?? 4096);

/** @param {number} port @param {string} address @returns {Promise<{ status: number, socket: net.Socket }>} */
function openStream(port, address) {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.setEncoding('latin1');
		socket.once('connect', () =>
			socket.write(`GET /api/pledges/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\nX-Forwarded-For: ${address}\r\n\r\n`)
		);
		socket.once('data', (/** @type {string} */ chunk) => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(chunk)?.[1] ?? 0), socket }));
		socket.once('error', () => resolve({ status: 0, socket }));
	});
}

/** @param {number[]} sorted @param {number} q */
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** @param {string} origin */
async function pageLatency(origin) {
	/** @type {number[]} */
	const times = [];
	let failures = 0;
	for (let i = 0; i < 200; i++) {
		const path = ['/en/', '/fr/live', '/healthz', '/en/pledges'][i % 4];
		const started = performance.now();
		try {
			const response = await fetch(`${origin}${path}`, { headers: { 'x-forwarded-for': '198.18.0.1' } });
			await response.arrayBuffer();
			if (!response.ok) failures++;
		} catch {
			failures++;
		}
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	return `pages p50 ${quantile(times, 0.5).toFixed(1)} ms, p99 ${quantile(times, 0.99).toFixed(1)} ms, ${failures} failed of 200`;
}

export async function run() {
	const server = await startServer({ env: { ADDRESS_HEADER: 'x-forwarded-for' }, wrapper: ['prlimit', `--nofile=${files}:${files}`] });
	const port = Number(new URL(server.origin).port);
	/** @type {net.Socket[]} */
	const sockets = [];
	try {
		console.log(`server file limit ${files}; no streams: ${await pageLatency(server.origin)}`);
		let held = 0;
		for (;;) {
			const { status, socket } = await openStream(port, '203.0.113.7');
			sockets.push(socket);
			if (status !== 200) {
				console.log(`one address: ${held} streams held, then ${status}; ${await pageLatency(server.origin)}`);
				break;
			}
			held++;
		}
		let others = 0;
		for (let i = 0; ; i++) {
			const { status, socket } = await openStream(port, `198.51.${Math.floor(i / 250)}.${i % 250}`);
			sockets.push(socket);
			if (status !== 200) {
				console.log(`many addresses: ${held + others} streams held in all (${others} more, each from an address of its own), then ${status}; ${await pageLatency(server.origin)}`);
				break;
			}
			others++;
		}
		console.log(`server memory ${(server.rssBytes() / 2 ** 20).toFixed(0)} MiB`);
	} finally {
		for (const socket of sockets) socket.destroy();
		await server.stop();
	}
}
