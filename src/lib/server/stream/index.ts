import { openedSite } from '$lib/server/site';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { serveStreamRequest } from './endpoint';

/** Open streams right now (0 before the first), without opening the store. */
export function openStreamCount(): number {
	return openedSite()?.hub.size ?? 0;
}

/** How src/bin/serve.js finds the hub: it lives inside the built app, serve.js outside it. */
export const NODE_STREAM_ENDPOINT = Symbol.for('imrf.pledge-stream.node-endpoint');

export type NodeStreamEndpoint = (request: IncomingMessage, response: ServerResponse) => void;

/** Lets serve.js answer `GET /api/pledges/stream` on the raw Node response (see endpoint.ts). */
export function publishNodeStreamEndpoint(): void {
	const endpoint: NodeStreamEndpoint = serveStreamRequest;
	(globalThis as Record<symbol, unknown>)[NODE_STREAM_ENDPOINT] = endpoint;
}
