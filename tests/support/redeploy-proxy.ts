import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';

/**
 * A pass-through proxy in front of the real server that can play "a new deploy": once `deploy()` is
 * called it serves the service worker and /_app/version.json with the version string replaced,
 * byte for byte what the browser would see from a new build of the same sources. (The browser's
 * service-worker update fetch is not routable from Playwright, hence a real HTTP hop.)
 */
export async function startRedeployProxy(upstream: string, version: string) {
	let servedVersion = version;
	const rewritten = new Set(['/service-worker.js', '/_app/version.json']);
	const server: Server = createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', upstream);
		// A rewritten file is a new file: the browser's validators (ETag, date) must not get a 304.
		const dropped = ['host', 'accept-encoding', 'connection', ...(rewritten.has(url.pathname) ? ['if-none-match', 'if-modified-since'] : [])];
		const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !dropped.includes(name))) as Record<string, string>;
		try {
			const response = await fetch(url, { headers, redirect: 'manual' });
			const isRewritten = rewritten.has(url.pathname);
			response.headers.forEach((value, name) => {
				if (['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(name)) return;
				if (isRewritten && ['etag', 'last-modified'].includes(name)) return;
				res.setHeader(name, value);
			});
			if (!isRewritten || !response.body) {
				// Streamed through as it comes: the live counter's event stream never ends.
				res.writeHead(response.status);
				if (response.body) Readable.fromWeb(response.body as ReadableStream).on('error', () => res.destroy()).pipe(res);
				else res.end();
				return;
			}
			const body = Buffer.from((await response.text()).replaceAll(version, servedVersion));
			res.setHeader('content-length', body.length);
			res.writeHead(response.status);
			res.end(body);
		} catch {
			if (!res.headersSent) res.writeHead(502);
			res.end();
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://localhost:${port}`,
		deploy(nextVersion: string) {
			servedVersion = nextVersion;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			})
	};
}
