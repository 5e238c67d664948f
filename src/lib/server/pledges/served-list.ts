import { createHash, randomBytes } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { filterFromQuery, filterQuery } from '$lib/pledges/filter';
import { decodeCursor, encodeCursor } from './cursor';
import { renderedPages } from './rendered-pages';
import type { PledgeStore } from './types';

/** The route of the public list, `/{lang}/pledges`: rendered once per ledger version, filter, page and language. */
export const PLEDGE_LIST_ROUTE = '/[lang=lang]/pledges';

// A few hundred filters and pages of ~300 KB: bounded in count and in bytes, whatever the public asks for.
const pages = renderedPages({ maxEntries: 256, maxBytes: 48 * 1024 * 1024 });
const listening = new WeakSet<PledgeStore>();

/**
 * What the page shows for this address, as one key: the parameters it reads, in one spelling (unknown
 * values mean "all", an unknown cursor the first page), so no spelling of a URL makes a page of its own.
 */
function pageKey(url: URL): string {
	const cursor = decodeCursor(url.searchParams.get('cursor') ?? '');
	return `${url.pathname}${filterQuery(filterFromQuery(url.searchParams), cursor === undefined ? undefined : encodeCursor(cursor))}`;
}

/**
 * The list page served from the pages already rendered for the ledger's current version (read from the
 * store, so another instance's change is seen at once), else rendered by `render` and kept. `ETag`
 * names the version and the page: a browser revalidating gets `304`. Each answer gets a fresh CSP
 * nonce, so that a kept page never gives two visitors the same one.
 */
export async function servedPledgeList(event: RequestEvent, render: () => Response | Promise<Response>): Promise<Response> {
	const store = event.locals.store;
	if (!listening.has(store)) {
		listening.add(store);
		// Every instance hears of every change (PostgreSQL's LISTEN): the memory of old versions goes at once.
		store.changes.subscribe(() => pages.clear());
	}
	const version = await store.version();
	const key = pageKey(event.url);
	const etag = `"pledges-${version}-${createHash('sha1').update(key).digest('base64url').slice(0, 12)}"`;
	if (event.request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag, 'cache-control': 'no-cache' } });
	let page = pages.get(version, key);
	if (!page) {
		const response = await render();
		// Only a page for everyone: never an error, never one that sets a cookie.
		if (response.status !== 200 || event.locals.storeFault || response.headers.has('set-cookie')) return response;
		page = { body: await response.text(), headers: [...response.headers].filter(([name]) => name !== 'content-length') };
		pages.set(version, key, page);
	}
	return withFreshNonce(page, etag);
}

function withFreshNonce({ body, headers }: { body: string; headers: [string, string][] }, etag: string): Response {
	const policy = headers.find(([name]) => name === 'content-security-policy')?.[1];
	const nonce = policy && /'nonce-([^']+)'/.exec(policy)?.[1];
	const fresh = randomBytes(16).toString('base64');
	const answer = new Headers(headers);
	answer.set('etag', etag);
	if (!nonce) return new Response(body, { headers: answer });
	answer.set('content-security-policy', policy.replaceAll(`'nonce-${nonce}'`, `'nonce-${fresh}'`));
	return new Response(body.replaceAll(`nonce="${nonce}"`, `nonce="${fresh}"`), { headers: answer });
}
