import { openedSite, openSite } from '$lib/server/site';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveNodeStream } from './node-stream';

/** Open streams right now (0 before the first), without opening the store. */
export function openStreamCount(): number {
	return openedSite()?.hub.size ?? 0;
}

/** How src/bin/serve.js finds the hub: it lives inside the built app, serve.js outside it. */
export const NODE_STREAM_ENDPOINT = Symbol.for('imrf.pledge-stream.node-endpoint');

export type NodeStreamEndpoint = (request: IncomingMessage, response: ServerResponse) => void;

/** Lets serve.js answer `GET /api/pledges/stream` on the raw Node response (see node-stream.ts). */
export function publishNodeStreamEndpoint(): void {
	const endpoint: NodeStreamEndpoint = (request, response) => {
		openSite().then(
			(site) => serveNodeStream(site.hub, request, response),
			(error) => {
				// Outside SvelteKit nothing catches for us: answer as /healthz would rather than crash.
				console.error('pledge stream: the store is unavailable', (error as Error).message);
				response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' }).end('store unavailable\n');
			}
		);
	};
	(globalThis as Record<symbol, unknown>)[NODE_STREAM_ENDPOINT] = endpoint;
}
