import { createHash, randomBytes } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { clientAddress } from '$lib/server/http/client-address';
import { isNotModified } from './open-data';
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

/**
 * Answers that change only with the ledger, served from what was rendered for its current version (read
 * from the store, so another instance's change is seen at once), else rendered by `render` and kept.
 * Requests that miss the same answer at once share one rendering. Each HTML answer gets a fresh CSP
 * nonce, so that a kept page never gives two visitors the same one.
 */
export function ledgerServed(options: LedgerServedOptions): LedgerServe {
	const pages = renderedPages(options);
	const listening = new WeakSet<PledgeStore>();
	const rendering = new Map<string, Promise<RenderedPage | Response>>();

	return async (event, render) => {
		const store = event.locals.store;
		if (!listening.has(store)) {
			listening.add(store);
			// Every instance hears of every change (PostgreSQL's LISTEN): the memory of old versions goes at once.
			store.changes.subscribe(() => pages.clear());
		}
		const version = await store.version();
		const key = options.key(event.url);
		const etag = `"${options.kind}-${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 12)}"`;
		if (options.validators === 'ledger' && event.request.headers.get('if-none-match') === etag) return notModified([['etag', etag], ['cache-control', 'no-cache']]);
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
			// An answer for this request alone (an error, a cookie): the others render their own.
			if (result instanceof Response) return isFirst ? result : render();
			page = result;
		}
		if (options.validators === 'ledger') return withFreshNonce(page, [['etag', etag]]);
		const kept = new Headers(page.headers);
		const [ownTag, lastModified] = [kept.get('etag'), kept.get('last-modified')];
		if (ownTag && lastModified && isNotModified(event.request, ownTag, lastModified)) {
			return notModified([...kept].filter(([name]) => ['etag', 'last-modified', 'cache-control'].includes(name)));
		}
		return withFreshNonce(page, []);
	};
}

/** Renders the answer; keeps it when it is one for everyone and the address may still add to the kept ones. */
async function renderAndKeep(event: RequestEvent, render: () => Response | Promise<Response>, keep: (page: RenderedPage) => void, kind: string): Promise<RenderedPage | Response> {
	const response = await render();
	// Only an answer for everyone: never an error, never one that sets a cookie.
	if (response.status !== 200 || event.locals.storeFault || response.headers.has('set-cookie')) return response;
	const isText = (response.headers.get('content-type') ?? '').startsWith('text/');
	const page: RenderedPage = {
		body: isText ? await response.text() : new Uint8Array(await response.arrayBuffer()),
		headers: [...response.headers].filter(([name]) => name !== 'content-length')
	};
	const address = clientAddress(event) ?? 'unknown';
	const decision = await event.locals.store.limits.take([{ key: `kept-${kind}:address:${address}`, ...KEPT_PER_ADDRESS }]);
	if (decision.allowed) keep(page);
	return page;
}

function notModified(headers: [string, string][]): Response {
	return new Response(null, { status: 304, headers });
}

function withFreshNonce({ body, headers }: RenderedPage, extra: [string, string][]): Response {
	const answer = new Headers(headers);
	for (const [name, value] of extra) answer.set(name, value);
	const policy = answer.get('content-security-policy');
	const nonce = policy && /'nonce-([^']+)'/.exec(policy)?.[1];
	if (!nonce || typeof body !== 'string') return new Response(body as BodyInit, { headers: answer });
	const fresh = randomBytes(16).toString('base64');
	answer.set('content-security-policy', policy.replaceAll(`'nonce-${nonce}'`, `'nonce-${fresh}'`));
	return new Response(body.replaceAll(`nonce="${nonce}"`, `nonce="${fresh}"`), { headers: answer });
}
