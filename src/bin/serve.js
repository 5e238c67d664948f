// @ts-check
// The production HTTP server: SvelteKit's adapter-node handler behind the headers every response
// needs. adapter-node serves prerendered pages and static files without passing through `handle`,
// so they are set here, once, for everything.
import http from 'node:http';
import { calendarHeadersForPath } from '../lib/calendar/http.js';
import { ISLANDS_PATH } from '../lib/islands/path.js';
import { compress } from '../lib/server/http/compress.js';
import { earlyAnswer } from '../lib/server/http/early-answer.js';
import { allowFraming, mayBeFramed } from '../lib/server/http/framing.js';
import { securityHeaders } from '../lib/server/http/security-headers.js';
import { clientTag, loggablePath, logger, requestId } from '../lib/server/log/logger.js';
import { builtOriginWarning } from './default-origin.js';
import { raiseFileLimit } from './file-limits.js';

const port = Number(process.env.PORT ?? 3000);
const originWarning = builtOriginWarning(process.env);
if (originWarning) logger.warn(originWarning);
// Form actions compare a request's Origin with the site's, which adapter-node otherwise guesses as
// https://<Host>: the public origin when set, else this local server (unless a proxy's headers say it).
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER && !process.env.HOST_HEADER) {
	process.env.ORIGIN = process.env.PUBLIC_ORIGIN || `http://localhost:${port}`;
}

// Connections the process can hold: each takes a file descriptor, and pages need some for their
// files and the store. Streams get what is left after a reserve for pages, so that when they are
// full (one address, or a crowd) visitors still get pages and /healthz still answers.
const fileLimit = raiseFileLimit() ?? 1024;
const maxConnections = fileLimit - Math.max(64, Math.floor(fileLimit / 20));
// The live stream (src/lib/server/stream/stream-access.ts) admits no more than this; set before the app is imported, which reads it.
process.env.STREAM_LIMIT_TOTAL ??= String(maxConnections - Math.max(32, Math.floor(maxConnections / 10)));
// Public streams on the socket, before this server's handler (src/lib/server/stream/socket-path.ts): half the memory per viewer.
process.env.STREAM_ON_SOCKET ??= '1';
// Pages kept per ledger version answered before SvelteKit's handling (src/lib/server/pledges/kept-on-node.ts), after the headers below.
process.env.KEPT_ON_NODE ??= '1';

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
const drainMs = Number(process.env.SHUTDOWN_DRAIN_MS ?? 0);
const headersOfEveryResponse = securityHeaders();

/** @type {Set<http.ServerResponse>} */
const responsesInFlight = new Set();
/** The connections of the streams answered on the socket path (src/lib/server/stream/socket-path.ts). @type {Set<import('node:net').Socket>} */
const socketStreams = new Set();

/**
 * A stream answered on the socket path lets go of its request and response once its head is sent
 * (src/lib/server/stream/released-exchange.ts): it is followed by its connection, which logs its
 * line when it closes and is ended at shutdown. What the listener keeps is these few values: ten
 * thousand streams each hold one.
 * @param {http.IncomingMessage} req @param {number} status @param {string} id @param {number} started
 */
function followSocketStream(req, status, id, started) {
	const { socket, method } = req;
	const path = loggablePath(req.url);
	const client = clientTag(socket.remoteAddress);
	socketStreams.add(socket);
	socket.on('close', () => {
		socketStreams.delete(socket);
		logger.info({ id, method, path, status, ms: Math.round(performance.now() - started), client }, 'request');
	});
}
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
		// One line per request once it is over (a stream's when it closes); the app reads the id from the request.
		const id = requestId(req.headers['x-request-id']);
		req.headers['x-request-id'] = id;
		const started = performance.now();
		// Answered already, on Node's announcement of the request: the live stream's socket path.
		if (res.headersSent) {
			followSocketStream(req, res.statusCode, id, started);
			return;
		}
		responsesInFlight.add(res);
		res.once('close', () => {
			responsesInFlight.delete(res);
			logger.info({ id, method: req.method, path: loggablePath(req.url), status: res.statusCode, ms: Math.round(performance.now() - started), client: clientTag(req.socket.remoteAddress) }, 'request');
		});
		res.setHeader('x-request-id', id);
		for (const [name, value] of Object.entries(headersOfEveryResponse)) res.setHeader(name, value);
		if (isShuttingDown) res.setHeader('connection', 'close');
		const pathname = new URL(`http://localhost${req.url?.startsWith('/') ? req.url : '/'}`).pathname;
		if (isShuttingDown && pathname === '/readyz') {
			// Draining: a load balancer stops sending here before the connections are cut.
			res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '5' }).end('draining\n');
			return;
		}
		// The prerendered .ics files are static: sirv would send them without charset or file name.
		const calendarHeaders = calendarHeadersForPath(pathname);
		for (const [name, value] of Object.entries(calendarHeaders ?? {})) res.setHeader(name, value);
		// The islands' module keeps one address across deploys (src/lib/islands/path.js): browsers check it each time (304 when unchanged).
		if (pathname === ISLANDS_PATH) res.setHeader('cache-control', 'no-cache');
		// The embeddable counter's own page relaxes frame-ancestors (hooks.server.ts): no DENY there.
		if (mayBeFramed(pathname)) {
			res.removeHeader('x-frame-options');
			res.setHeader('content-security-policy', allowFraming(headersOfEveryResponse['content-security-policy']));
		}
		const route = () =>
			compress(req, res, () =>
				handler(req, res, () => {
					res.statusCode = 404;
					res.setHeader('content-type', 'text/plain; charset=utf-8');
					res.end('Not found');
				})
			);
		// A kept page, answered by the app without SvelteKit's handling; else (or should it fail) the route.
		const early = earlyAnswer(req, res);
		if (early) early.then((answered) => answered || route(), route);
		else route();
	}
);
server.maxConnections = maxConnections;

server.listen(port, host, () => {
	logger.info({ port }, 'start');
});

/**
 * A graceful stop: no new connections; requests in flight finish, their connections close after
 * the answer (`Connection: close`), idle keep-alive connections close now, streams end; only once
 * every connection is gone does the app close its store (`sveltekit:shutdown`), so no request
 * meets a closed store. After SHUTDOWN_TIMEOUT whatever is left is cut. SHUTDOWN_DRAIN_MS first
 * keeps serving that long with /readyz answering 503, so that a load balancer stops sending new
 * visitors before connections are refused.
 * @param {string} reason
 */
function shutdown(reason) {
	if (isShuttingDown) return;
	isShuttingDown = true;
	logger.info({ reason }, 'shutdown');
	if (drainMs > 0) setTimeout(() => closeServer(reason), drainMs);
	else closeServer(reason);
}

/** @param {string} reason */
function closeServer(reason) {
	server.close(() => {
		/** @type {(event: string, reason: string) => boolean} */ (process.emit.bind(process))('sveltekit:shutdown', reason);
		process.exit(0);
	});
	for (const res of responsesInFlight) if (!res.headersSent) res.setHeader('connection', 'close');
	// Event streams never finish by themselves.
	for (const res of responsesInFlight) if (String(res.getHeader('content-type')).startsWith('text/event-stream')) res.socket?.end();
	for (const socket of socketStreams) socket.end();
	server.closeIdleConnections();
	setTimeout(() => {
		server.closeAllConnections();
		// A stream whose exchange was let go (released-exchange.ts) is no longer on Node's list of the
		// server's connections: a viewer that reads nothing more (its end never sent) is cut here too.
		for (const socket of socketStreams) socket.destroy();
	}, shutdownTimeoutMs).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
