// @ts-check
// The production HTTP server: SvelteKit's adapter-node handler behind the headers every response
// needs. adapter-node serves prerendered pages and static files without passing through `handle`,
// so they are set here, once, for everything.
import { readdirSync } from 'node:fs';
import http from 'node:http';
import { calendarHeadersForPath } from '../lib/calendar/http.js';
import { ISLANDS_PATH } from '../lib/islands/path.js';
import { compress } from '../lib/server/http/compress.js';
import { allowFraming, mayBeFramed } from '../lib/server/http/framing.js';
import { nodeClientAddress } from '../lib/server/http/node-client-address.js';
import { createStreamAdmission } from '../lib/server/stream/stream-admission.js';
import { raiseFileLimit } from './file-limits.js';

const port = Number(process.env.PORT ?? 3000);
// Form actions compare a request's Origin with the site's, which adapter-node otherwise guesses as
// https://<Host>: the public origin when set, else this local server (unless a proxy's headers say it).
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER && !process.env.HOST_HEADER) {
	process.env.ORIGIN = process.env.PUBLIC_ORIGIN || `http://localhost:${port}`;
}

// Imported by URL so that the type checker does not walk into the build output. Importing it opens
// the store (hooks.server.ts `init`): a store that cannot be opened stops the server here, named.
/** @type {(req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void} */
let handler;
try {
	({ handler } = await import(new URL('../../build/handler.js', import.meta.url).href));
} catch (error) {
	console.error(`The site cannot start: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}

const host = process.env.HOST ?? '0.0.0.0';
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT ?? 10) * 1000;
const isHttps = (process.env.PUBLIC_ORIGIN ?? '').startsWith('https://');

/** @type {Record<string, string>} */
const securityHeaders = {
	// Pages carry their full policy (a header from SvelteKit, or a <meta> when prerendered); a
	// <meta> cannot forbid framing, so this one always travels as a header. SvelteKit's own header
	// on server-rendered pages replaces it and includes the same frame-ancestors.
	'content-security-policy': "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
	'x-frame-options': 'DENY',
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
	'cross-origin-opener-policy': 'same-origin',
	...(isHttps ? { 'strict-transport-security': 'max-age=31536000' } : {})
};

// The live pledge stream is served on the raw response, ahead of SvelteKit: ten thousand viewers
// cost about half the memory this way. The endpoint (src/lib/server/stream/endpoint.ts) is exported
// by the app's hooks; adapter-node keeps the server output's file structure under server/chunks/
// (a content hash appended), so the hooks' chunk is found by name and imported: the very module
// instance handler.js runs, hence the same site. `vite dev` serves it through the same module.
const STREAM_PATH = '/api/pledges/stream';
/** @type {(req: http.IncomingMessage, res: http.ServerResponse) => void} */
let streamEndpoint;
try {
	const entries = new URL('../../build/server/chunks/entries/', import.meta.url);
	const hooksChunk = readdirSync(entries).find((name) => /^hooks\.server\.js-[\w-]+\.js$/.test(name));
	if (!hooksChunk) throw new Error(`no hooks.server chunk in ${entries.pathname}`);
	({ serveStream: streamEndpoint } = await import(new URL(hooksChunk, entries).href));
	if (typeof streamEndpoint !== 'function') throw new Error(`${hooksChunk} exports no serveStream`);
} catch (error) {
	console.error(`The site cannot start: ${error instanceof Error ? error.message : error}`);
	process.exit(1);
}

// Connections the process can hold: each takes a file descriptor, and pages need some for their
// files and the store. Streams get what is left after a reserve for pages, so that when they are
// full (one address, or a crowd) visitors still get pages and /healthz still answers.
const fileLimit = raiseFileLimit() ?? 1024;
const maxConnections = fileLimit - Math.max(64, Math.floor(fileLimit / 20));
const streamAdmission = createStreamAdmission({
	perAddress: Number(process.env.STREAM_LIMIT_PER_ADDRESS ?? 1000),
	total: maxConnections - Math.max(32, Math.floor(maxConnections / 10))
});

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {Record<string, string>} [headers]
 */
function refuse(res, status, message, headers = {}) {
	res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(`${message}\n`);
}

/**
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => void} streamEndpoint
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
function serveStream(streamEndpoint, req, res) {
	const address = nodeClientAddress(req);
	if (!address) return refuse(res, 400, `This request lacks the ${process.env.ADDRESS_HEADER} header the server expects from its proxy.`);
	const place = streamAdmission.admit(address);
	if (!place.admitted) {
		return place.reason === 'address'
			? refuse(res, 429, 'Too many live streams from this address.', { 'retry-after': '30' })
			: refuse(res, 503, 'The server holds as many live streams as it can.', { 'retry-after': '30' });
	}
	req.socket.once('close', place.release);
	openStreamSockets.add(req.socket);
	req.socket.once('close', () => openStreamSockets.delete(req.socket));
	streamEndpoint(req, res);
}

/** @param {string} pathname */
function decodedPath(pathname) {
	try {
		return pathname.split('%25').map(decodeURI).join('%25');
	} catch {
		return pathname;
	}
}

/** @type {Set<import('node:net').Socket>} */
const openStreamSockets = new Set();
/** @type {Set<http.ServerResponse>} */
const responsesInFlight = new Set();
let isShuttingDown = false;

const server = http.createServer(
	{
		// Slow or never-finished headers (slowloris) give their connection back within seconds.
		headersTimeout: Number(process.env.HEADERS_TIMEOUT_MS ?? 10_000),
		// The whole request (headers and body); streams are exempt: their request ends at once.
		requestTimeout: Number(process.env.REQUEST_TIMEOUT_MS ?? 30_000),
		connectionsCheckingInterval: 1000
	},
	(req, res) => {
		for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
		if (isShuttingDown) res.setHeader('connection', 'close');
		responsesInFlight.add(res);
		res.once('close', () => responsesInFlight.delete(res));
		const pathname = new URL(`http://localhost${req.url?.startsWith('/') ? req.url : '/'}`).pathname;
		// Decoded as SvelteKit routes it: `/api/pledges/%73tream` is the stream too, and meets its caps.
		if ((req.method === 'GET' || req.method === 'HEAD') && decodedPath(pathname) === STREAM_PATH) {
			return serveStream(streamEndpoint, req, res);
		}
		// The prerendered .ics files are static: sirv would send them without charset or file name.
		const calendarHeaders = calendarHeadersForPath(pathname);
		for (const [name, value] of Object.entries(calendarHeaders ?? {})) res.setHeader(name, value);
		// The islands' module keeps one address across deploys (src/lib/islands/path.js): browsers check it each time (304 when unchanged).
		if (pathname === ISLANDS_PATH) res.setHeader('cache-control', 'no-cache');
		// The embeddable counter's own page relaxes frame-ancestors (hooks.server.ts): no DENY there.
		if (mayBeFramed(pathname)) {
			res.removeHeader('x-frame-options');
			res.setHeader('content-security-policy', allowFraming(securityHeaders['content-security-policy']));
		}
		compress(req, res, () =>
			handler(req, res, () => {
				res.statusCode = 404;
				res.setHeader('content-type', 'text/plain; charset=utf-8');
				res.end('Not found');
			})
		);
	}
);
server.maxConnections = maxConnections;

server.listen(port, host, () => {
	console.log(`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

/**
 * A graceful stop: no new connections; requests in flight finish, their connections close after
 * the answer (`Connection: close`), idle keep-alive connections close now, streams end; only once
 * every connection is gone does the app close its store (`sveltekit:shutdown`), so no request
 * meets a closed store. After SHUTDOWN_TIMEOUT whatever is left is cut.
 * @param {string} reason
 */
function shutdown(reason) {
	if (isShuttingDown) return;
	isShuttingDown = true;
	server.close(() => {
		/** @type {(event: string, reason: string) => boolean} */ (process.emit.bind(process))('sveltekit:shutdown', reason);
		process.exit(0);
	});
	for (const res of responsesInFlight) if (!res.headersSent) res.setHeader('connection', 'close');
	for (const socket of openStreamSockets) socket.end();
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
