import { AsyncLocalStorage } from 'node:async_hooks';
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Node's own request and response behind the web Request SvelteKit hands a route. */
export interface NodeExchange {
	request: IncomingMessage;
	response: ServerResponse;
}

const exchanges = new AsyncLocalStorage<NodeExchange>();

// Node announces every request its HTTP servers receive (`vite dev`, `vite preview` and src/bin/serve.js
// alike) before any handler runs; what runs for that request, SvelteKit's route included, can then find
// the Node response. Requests that arrived before this module was loaded have none. Only a reading
// request may be a stream: a write carries no context it would pay for at each of its awaits.
subscribe('http.server.request.start', (message) => {
	const { request, response } = message as NodeExchange;
	if (request.method === 'GET' || request.method === 'HEAD') exchanges.enterWith({ request, response });
});

/** The Node request and response of the request being handled, when it came through a Node server. */
export function currentNodeExchange(): NodeExchange | undefined {
	return exchanges.getStore();
}
