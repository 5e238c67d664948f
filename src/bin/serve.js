// @ts-check
// The production HTTP server: SvelteKit's adapter-node handler behind the headers every response
// needs. adapter-node serves prerendered pages and static files without passing through `handle`,
// so they are set here, once, for everything.
import http from 'node:http';
import { calendarHeadersForPath } from '../lib/calendar/http.js';
import { ISLANDS_PATH } from '../lib/islands/path.js';

const port = Number(process.env.PORT ?? 3000);
// Form actions compare a request's Origin with the site's, which adapter-node otherwise guesses as
// https://<Host>: the public origin when set, else this local server (unless a proxy's headers say it).
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER && !process.env.HOST_HEADER) {
	process.env.ORIGIN = process.env.PUBLIC_ORIGIN || `http://localhost:${port}`;
}

// Imported by URL so that the type checker does not walk into the build output.
/** @type {{ handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void }} */
const { handler } = await import(new URL('../../build/handler.js', import.meta.url).href);

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
// cost about half the memory this way (src/lib/server/stream/node-stream.ts publishes it at startup).
const STREAM_PATH = '/api/pledges/stream';
const nodeStreamEndpoint = () =>
	/** @type {((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined} */ (
		/** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('imrf.pledge-stream.node-endpoint')]
	);

const server = http.createServer((req, res) => {
	for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
	const streamEndpoint = nodeStreamEndpoint();
	if (streamEndpoint && (req.method === 'GET' || req.method === 'HEAD') && req.url?.split('?')[0] === STREAM_PATH) {
		return streamEndpoint(req, res);
	}
	// The prerendered .ics files are static: sirv would send them without charset or file name.
	const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
	const calendarHeaders = calendarHeadersForPath(pathname);
	for (const [name, value] of Object.entries(calendarHeaders ?? {})) res.setHeader(name, value);
	// The islands' module keeps one address across deploys (src/lib/islands/path.js): browsers check it each time (304 when unchanged).
	if (pathname === ISLANDS_PATH) res.setHeader('cache-control', 'no-cache');
	handler(req, res, () => {
		res.statusCode = 404;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.end('Not found');
	});
});

server.listen(port, host, () => {
	console.log(`Listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`);
});

let isShuttingDown = false;
/** @param {string} reason */
function shutdown(reason) {
	if (isShuttingDown) return;
	isShuttingDown = true;
	// Lets the app close long-lived responses (event streams) and its store, as adapter-node does.
	/** @type {(event: string, reason: string) => boolean} */ (process.emit.bind(process))('sveltekit:shutdown', reason);
	server.closeIdleConnections();
	server.close(() => process.exit(0));
	setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
