import type { IncomingMessage, ServerResponse } from 'node:http';
import { env } from '$env/dynamic/private';
import { LANGUAGES } from '$lib/i18n/languages';
import { answerEarly } from '../http/early-answer.js';
import { recordKeptAnswer } from '../metrics/registry';
import { openedSite } from '../site';
import type { KeptAnswer, LedgerServe } from './ledger-served';
import { SERVED_PAGES } from './served-pages';

const header = (request: IncomingMessage, name: string): string | null => {
	const value = request.headers[name];
	return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
};

/**
 * A kept page answered on Node's request, without SvelteKit's handling (its Request, `respond`, the guards, a
 * Response and the compression middleware cost more than the answer itself). The route stays the one that decides:
 * only a page it rendered and kept for the version read from the store for this request is sent, by the same code
 * (ledger-served.ts `kept`), with the same headers and bytes the route's Response would carry through adapter-node.
 * What it does not take goes on to the route, which decides alone: a HEAD, no page kept, an answer the server's
 * compression would still change (a plain one), a store that does not answer.
 */
export async function answerKept(request: IncomingMessage, response: ServerResponse, readVersion: () => Promise<number>, served: readonly LedgerServe[]): Promise<boolean> {
	if (request.method !== 'GET' || !request.url?.startsWith('/')) return false;
	// As adapter-node builds the route's URL: the origin, then the request's target as it came.
	const url = new URL(`http://localhost${request.url}`);
	let version: number;
	try {
		version = await readVersion();
	} catch {
		return false; // the route answers the fault (503) and counts it
	}
	const asked = { acceptEncoding: header(request, 'accept-encoding'), ifNoneMatch: header(request, 'if-none-match') };
	// A page is kept only under a key of its own route's addresses: at most one of them has one for this address.
	let answer: KeptAnswer | undefined;
	for (const serve of served) answer ??= serve.kept(version, url, asked);
	if (!answer || (answer.status === 200 && !answer.coding)) return false;
	// Answered by something else meanwhile: nothing more to send, and nothing for the route either.
	if (response.headersSent || response.writableEnded) return true;
	// As adapter-node's setResponse: each header over those serve.js set, then the status and the body.
	for (const [name, value] of answer.headers) response.setHeader(name, value);
	response.writeHead(answer.status);
	response.end(answer.body ?? undefined);
	recordKeptAnswer('node');
	return true;
}

/**
 * The addresses of the routes that keep their pages (served-pages.ts): the list, a pledge's page and its embed. Checked
 * before the store is asked its version, so that the site's other requests (prerendered pages, assets) cost no query.
 */
const KEPT_PATH = new RegExp(`^/(?:${LANGUAGES.join('|')})/(?:embed/)?pledges(?:/[^/?]+)?(?:\\?|$)`);

let isListening = false;

/**
 * Under src/bin/serve.js (it sets KEPT_ON_NODE), kept pages are answered on Node's request; `vite dev` and
 * `vite preview` answer every one through the route.
 */
export function answerKeptUnderServe(): void {
	if (isListening || env.KEPT_ON_NODE !== '1') return;
	isListening = true;
	const served = Object.values(SERVED_PAGES);
	answerEarly((request, response) => {
		const store = openedSite()?.store;
		// Not yet open (PostgreSQL down at start): the route opens it, or answers why not.
		return request.method === 'GET' && store && KEPT_PATH.test(request.url ?? '') ? answerKept(request, response, () => store.version(), served) : undefined;
	});
}
