import type { IncomingMessage, ServerResponse } from 'node:http';
import { openSite } from '$lib/server/site';
import { serveNodeStream } from './node-stream';

/**
 * The one endpoint of `GET /api/pledges/stream`, on Node's own request and response: the site's hub
 * (the same site the app's hooks open) writes to the socket. vite.config.ts serves it under `vite dev`.
 */
export function serveStreamRequest(request: IncomingMessage, response: ServerResponse): void {
	openSite().then(
		(site) => serveNodeStream(site.hub, request, response),
		(error) => {
			// Outside SvelteKit nothing catches for us: answer as /healthz would rather than crash.
			console.error('pledge stream: the store is unavailable', (error as Error).message);
			response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' }).end('store unavailable\n');
		}
	);
}
