import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { clientAddress } from '$lib/server/http/client-address';
import { compressedCopies, preferredCoding, type Coding } from '$lib/server/http/content-coding';
import { overloadedAnswer } from '$lib/server/http/overloaded';
import { REFUSED } from '$lib/server/http/render-gate';
import { isNotModified } from './open-data';
import { pageRenders } from './page-renders';
import { renderedPages, type RenderedPage } from './rendered-pages';
import type { PledgeStore } from './types';

/** How an address's answers are kept: `key` names what it shows, in one spelling. */
export interface LedgerServedOptions {
	/** Names the kind of answer in its ETag and in the store's count of what each address had kept. */
	kind: string;
	maxEntries: number;
	maxBytes: number;
	key(url: URL): string;
	/**
	 * `ledger`: the ETag names the version and the key, so a revalidation is answered before anything is looked up.
	 * `own`: the answer's own validators are kept with it (a card's stay the same while its pledge does).
	 */
	validators: 'ledger' | 'own';
}

/**
 * How many answers one client address may add to the kept ones a minute: a crawler that reads every
 * pledge once is served, each answer rendered, but only its first ones push out what others read.
 * Counted in the store (every instance, both engines); a 404, a 410 or an error is never kept nor counted.
 */
const KEPT_PER_ADDRESS = { limit: 30, windowMs: 60_000 };

export type LedgerServe = (event: RequestEvent, render: () => Response | Promise<Response>) => Promise<Response>;

type Rendering = RenderedPage | Response | typeof REFUSED;

/**
 * Answers that change only with the ledger, served from what was rendered for its current version (read
 * from the store, so another instance's change is seen at once), else rendered by `render` and kept.
 * Requests that miss the same answer at once share one rendering; renderings are bounded per process
 * (page-renders.ts), past the bound a request is answered 503. A kept answer is the same bytes for every
 * request (its CSP allows its inline scripts and styles by their hashes, never by a nonce), so it is
 * compressed once and sent as kept, in the coding the client takes.
 */
export function ledgerServed(options: LedgerServedOptions): LedgerServe {
	const pages = renderedPages(options);
	const listening = new WeakSet<PledgeStore>();
	const rendering = new Map<string, Promise<Rendering>>();

	return async (event, render) => {
		const store = event.locals.store;
		if (!listening.has(store)) {
			listening.add(store);
			// Every instance hears of every change (PostgreSQL's LISTEN): the memory of old versions goes at once.
			store.changes.subscribe(() => pages.clear());
		}
		const version = await store.version();
		const key = options.key(event.url);
		const tag = `${options.kind}-${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 12)}`;
		const coding = preferredCoding(event.request.headers.get('accept-encoding'));
		if (options.validators === 'ledger') {
			// The tag of the coding this client is sent, or of the plain answer (a page sent for one request alone goes out under it).
			const known = sentTags(event.request);
			const matched = [entityTag(tag, coding), entityTag(tag)].find((candidate) => known.includes(candidate));
			if (matched) return notModified([['etag', matched], ['cache-control', 'no-cache'], ['vary', 'Accept-Encoding']]);
		}
		let page = pages.get(version, key);
		if (!page) {
			const id = `${version}\n${key}`;
			let renderedOnce = rendering.get(id);
			const isFirst = !renderedOnce;
			if (!renderedOnce) {
				renderedOnce = renderAndKeep(event, render, (rendered) => pages.set(version, key, rendered), options.kind);
				rendering.set(id, renderedOnce);
				const forget = () => void rendering.delete(id);
				// A thrown 404 or 410 reaches every request that waited: only the memory of the rendering goes here.
				renderedOnce.then(forget, forget);
			}
			const result = await renderedOnce;
			if (result === REFUSED) return overloadedAnswer(event);
			if (result instanceof Response) {
				if (isFirst) return result;
				// An answer for that request alone (an error, a cookie): the others render their own.
				const own = await pageRenders().run(render);
				return own === REFUSED ? overloadedAnswer(event) : own;
			}
			page = result;
		}
		if (options.validators === 'ledger') return sent(page, coding, tag);
		const [ownTag, lastModified] = [headerOf(page, 'etag'), headerOf(page, 'last-modified')];
		if (ownTag && lastModified && isNotModified(event.request, ownTag, lastModified)) {
			return notModified(page.headers.filter(([name]) => ['etag', 'last-modified', 'cache-control'].includes(name)));
		}
		return sent(page, coding);
	};
}

/**
 * Renders the answer in its turn; keeps it, compressed, when it is one for everyone and the address may still
 * add to the kept ones. A page for one request alone is compressed, if at all, by the server on its way out.
 */
async function renderAndKeep(event: RequestEvent, render: () => Response | Promise<Response>, keep: (page: RenderedPage) => void, kind: string): Promise<Rendering> {
	const response = await pageRenders().run(render);
	if (response === REFUSED) return response;
	// Only an answer for everyone: never an error, never one that sets a cookie, never one whose policy names a
	// nonce (kept, it would give every visitor the same one).
	if (response.status !== 200 || event.locals.storeFault || response.headers.has('set-cookie') || /'nonce-/.test(response.headers.get('content-security-policy') ?? '')) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = [...response.headers].filter(([name]) => name !== 'content-length');
	const address = clientAddress(event) ?? 'unknown';
	const decision = await event.locals.store.limits.take([{ key: `kept-${kind}:address:${address}`, ...KEPT_PER_ADDRESS }]);
	if (!decision.allowed) return { body, headers, encoded: {} };
	const isText = (response.headers.get('content-type') ?? '').startsWith('text/');
	const page: RenderedPage = { body, headers, encoded: isText ? await compressedCopies(body) : {} };
	keep(page);
	return page;
}

/** A kept answer as sent: its copy in the client's coding when there is one, else its plain bytes; `tag` names it in that coding. */
function sent(page: RenderedPage, coding: Coding | undefined, tag?: string): Response {
	const headers = new Headers(page.headers);
	const copy = coding && page.encoded[coding];
	if (tag) headers.set('etag', entityTag(tag, copy ? coding : undefined));
	if (Object.keys(page.encoded).length > 0) headers.append('vary', 'Accept-Encoding');
	if (copy) headers.set('content-encoding', coding);
	const bytes = copy || page.body;
	headers.set('content-length', String(bytes.byteLength));
	return new Response(bytes as Uint8Array<ArrayBuffer>, { headers });
}

/** An entity tag per coding: the compressed answer is another representation, with a tag of its own. */
const entityTag = (tag: string, coding?: Coding) => `"${tag}${coding ? `-${coding}` : ''}"`;

/** The tags an `If-None-Match` names (a weak one compares as its strong form). */
const sentTags = (request: Request) => (request.headers.get('if-none-match') ?? '').split(',').map((part) => part.trim().replace(/^W\//, ''));

const headerOf = (page: RenderedPage, name: string) => page.headers.find(([header]) => header === name)?.[1];

function notModified(headers: [string, string][]): Response {
	return new Response(null, { status: 304, headers });
}
