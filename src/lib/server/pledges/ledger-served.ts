import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { clientAddress } from '$lib/server/http/client-address';
import { compressedCopies, preferredCoding, type Coding } from '$lib/server/http/content-coding';
import { heldTag } from '$lib/server/http/entity-tags';
import { overloadedAnswer } from '$lib/server/http/overloaded';
import { REFUSED } from '$lib/server/http/render-gate';
import { recordKeptAnswer } from '$lib/server/metrics/registry';
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

/** A kept answer in plain parts: the route wraps them in a Response, the early path (kept-on-node.ts) writes them to Node's. */
export interface KeptAnswer {
	status: 200 | 304;
	/** As a `Headers` lists them (lower-case names, one entry each): what adapter-node would set from the route's Response. */
	headers: [string, string][];
	body: Uint8Array | null;
	/** The coding of the body, if any: a plain answer may still be compressed on its way out by the server's middleware. */
	coding?: Coding;
}

export interface LedgerServe {
	(event: RequestEvent, render: () => Response | Promise<Response>): Promise<Response>;
	/**
	 * What the route would answer from a page kept for `version` (read from the store for this request) at `url`,
	 * without rendering, waiting or counting anything; undefined when no page is kept for it, or for answers with
	 * validators of their own (the route decides).
	 */
	kept(version: number, url: URL, request: { acceptEncoding: string | null; ifNoneMatch: string | null }): KeptAnswer | undefined;
}

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
	// A kept page's answer in each coding is the same for every request (its tag names its version and key): built once.
	const answers = new WeakMap<RenderedPage, Map<string, KeptAnswer>>();
	const tagOf = (version: number, key: string) => `${options.kind}-${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 12)}`;

	/** The 304 of a revalidation that names the tag of this version and key, in the client's coding or plain. */
	function revalidated(tag: string, coding: Coding | undefined, ifNoneMatch: string | null): KeptAnswer | undefined {
		if (options.validators !== 'ledger') return undefined;
		// The tag of the coding this client is sent, or of the plain answer (a page sent for one request alone goes out under it).
		const matched = heldTag(ifNoneMatch, [entityTag(tag, coding), entityTag(tag)]);
		return matched ? notModified([['etag', matched], ['cache-control', 'no-cache'], ['vary', 'Accept-Encoding']]) : undefined;
	}

	/** A kept page's answer in the client's coding, built once per page and coding (its tag names the version and key). */
	function fromPage(page: RenderedPage, tag: string, coding: Coding | undefined): KeptAnswer {
		let byCoding = answers.get(page);
		if (!byCoding) answers.set(page, (byCoding = new Map()));
		let answer = byCoding.get(coding ?? '');
		if (!answer) byCoding.set(coding ?? '', (answer = sent(page, coding, tag)));
		return answer;
	}

	/** A kept answer with validators of its own (a card): a 304 when the client's copy is current, else its bytes. */
	function fromOwnValidators(page: RenderedPage, coding: Coding | undefined, request: Request): KeptAnswer {
		const [ownTag, lastModified] = [headerOf(page, 'etag'), headerOf(page, 'last-modified')];
		if (ownTag && lastModified && isNotModified(request, ownTag, lastModified)) {
			return notModified(page.headers.filter(([name]) => ['etag', 'last-modified', 'cache-control'].includes(name)));
		}
		return sent(page, coding);
	}

	const serve = async (event: RequestEvent, render: () => Response | Promise<Response>): Promise<Response> => {
		const store = event.locals.store;
		if (!listening.has(store)) {
			listening.add(store);
			// Every instance hears of every change (PostgreSQL's LISTEN): the memory of old versions goes at once.
			store.changes.subscribe(() => pages.clear());
		}
		const version = await store.version();
		const key = options.key(event.url);
		const tag = tagOf(version, key);
		const coding = preferredCoding(event.request.headers.get('accept-encoding'));
		const ifNoneMatch = event.request.headers.get('if-none-match');
		const notChanged = revalidated(tag, coding, ifNoneMatch);
		if (notChanged) {
			recordKeptAnswer('route');
			return asResponse(notChanged);
		}
		let page = pages.get(version, key);
		if (page) recordKeptAnswer('route');
		else {
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
		return asResponse(options.validators === 'ledger' ? fromPage(page, tag, coding) : fromOwnValidators(page, coding, event.request));
	};

	return Object.assign(serve, {
		kept(version: number, url: URL, request: { acceptEncoding: string | null; ifNoneMatch: string | null }): KeptAnswer | undefined {
			if (options.validators !== 'ledger') return undefined;
			const key = options.key(url);
			const page = pages.get(version, key);
			// Only for a page the route kept under this key: proof that the route serves this address from it.
			if (!page) return undefined;
			const tag = tagOf(version, key);
			const coding = preferredCoding(request.acceptEncoding);
			return revalidated(tag, coding, request.ifNoneMatch) ?? fromPage(page, tag, coding);
		}
	});
}

/**
 * Renders the answer in its turn; keeps it, compressed, when it is one for everyone and the address may still
 * add to the kept ones. A page for one request alone is compressed, if at all, by the server on its way out.
 */
async function renderAndKeep(event: RequestEvent, render: () => Response | Promise<Response>, keep: (page: RenderedPage) => void, kind: string): Promise<Rendering> {
	const response = await pageRenders().run(render);
	if (response === REFUSED) return response;
	// Only an answer for everyone: never an error, never one that sets a cookie or says it is private or not to
	// be stored, never one whose policy names a nonce (kept, it would give every visitor the same one).
	const isForEveryone =
		response.status === 200 &&
		!event.locals.storeFault &&
		!response.headers.has('set-cookie') &&
		!/\b(private|no-store)\b/.test(response.headers.get('cache-control') ?? '') &&
		!/'nonce-/.test(response.headers.get('content-security-policy') ?? '');
	if (!isForEveryone) return response;
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
function sent(page: RenderedPage, coding: Coding | undefined, tag?: string): KeptAnswer {
	const headers = new Headers(page.headers);
	const copy = coding && page.encoded[coding];
	if (tag) headers.set('etag', entityTag(tag, copy ? coding : undefined));
	if (Object.keys(page.encoded).length > 0) headers.append('vary', 'Accept-Encoding');
	if (copy) headers.set('content-encoding', coding);
	const bytes = copy || page.body;
	headers.set('content-length', String(bytes.byteLength));
	return { status: 200, headers: [...headers], body: bytes, ...(copy ? { coding } : {}) };
}

const asResponse = ({ status, headers, body }: KeptAnswer) => new Response(body as Uint8Array<ArrayBuffer> | null, { status, headers });

/** An entity tag per coding: the compressed answer is another representation, with a tag of its own. */
const entityTag = (tag: string, coding?: Coding) => `"${tag}${coding ? `-${coding}` : ''}"`;

const headerOf = (page: RenderedPage, name: string) => page.headers.find(([header]) => header === name)?.[1];

function notModified(headers: [string, string][]): KeptAnswer {
	return { status: 304, headers: [...new Headers(headers)], body: null };
}
