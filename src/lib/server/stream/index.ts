import type { IncomingMessage, ServerResponse } from 'node:http';
import { env } from '$env/dynamic/private';
import { questionStore } from '$lib/server/questions';
import { getStore } from '$lib/server/store';
import { serveNodeStream } from './node-stream';
import { StreamHub } from './stream-hub';

let hub: StreamHub | undefined;

/** The process's one pledge stream hub, listening to the store from its first subscriber on. */
export function pledgeStreamHub(): StreamHub {
	if (!hub) {
		const store = getStore();
		const questions = questionStore();
		const created = new StreamHub({
			snapshot: () => store.snapshot(),
			changes: store.changes,
			// The same JSON as GET /api/questions: the whole list, kilobytes to every viewer, so a burst of
			// votes makes at most four updates a second (a lone approval still leaves at once).
			topics: [{ event: 'questions', read: async () => JSON.stringify(await questions.publicState()), changes: questions.changes, coalesceMs: 250 }],
			// Tests shorten it to see heartbeats; proxies drop streams silent for about a minute.
			heartbeatMs: Number(env.STREAM_HEARTBEAT_MS) || 15_000
		});
		process.once('sveltekit:shutdown', () => created.closeAll());
		hub = created;
	}
	return hub;
}

/** Open streams right now (0 before the first), without opening the store. */
export function openStreamCount(): number {
	return hub?.size ?? 0;
}

/** How src/bin/serve.js finds the hub: it lives inside the built app, serve.js outside it. */
export const NODE_STREAM_ENDPOINT = Symbol.for('imrf.pledge-stream.node-endpoint');

export type NodeStreamEndpoint = (request: IncomingMessage, response: ServerResponse) => void;

/** Lets serve.js answer `GET /api/pledges/stream` on the raw Node response (see node-stream.ts). */
export function publishNodeStreamEndpoint(): void {
	const endpoint: NodeStreamEndpoint = (request, response) => {
		let hub: StreamHub;
		try {
			hub = pledgeStreamHub();
		} catch (error) {
			// Outside SvelteKit nothing catches for us: answer as /healthz would rather than crash.
			console.error('pledge stream: the store is unavailable', error);
			response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' }).end('store unavailable\n');
			return;
		}
		serveNodeStream(hub, request, response);
	};
	(globalThis as Record<symbol, unknown>)[NODE_STREAM_ENDPOINT] = endpoint;
}
