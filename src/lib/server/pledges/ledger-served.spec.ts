import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '$lib/server/store/open';
import type { Store } from '$lib/server/store/types';
import { ledgerServed, type LedgerServedOptions } from './ledger-served';

const dir = mkdtempSync(join(tmpdir(), 'imrf-ledger-served-'));
let store: Store;
let actor: { id: string; email: string };

beforeAll(async () => {
	store = await openStore(join(dir, 'served.db'));
	const { organizer } = await store.organizers.add('served@example.org');
	actor = { id: organizer.id, email: organizer.email };
});
afterAll(async () => {
	await store.close();
	rmSync(dir, { recursive: true, force: true });
});

const options = (kind: string, validators: LedgerServedOptions['validators'] = 'ledger'): LedgerServedOptions => ({ kind, maxEntries: 1000, maxBytes: 1024 * 1024, key: (url) => url.pathname, validators });

/** A request as SvelteKit hands it to the hook: its address, its URL, the store. */
function request(path: string, { address = '192.0.2.1', headers = {} }: { address?: string; headers?: Record<string, string> } = {}): RequestEvent {
	const url = new URL(path, 'http://localhost');
	return { url, request: new Request(url, { headers }), locals: { store }, getClientAddress: () => address } as unknown as RequestEvent;
}

/** A renderer that counts its renderings and answers `status`. */
function counting(status = 200, headers: Record<string, string> = { 'content-type': 'text/html' }) {
	const counter = { renderings: 0, render: async () => (counter.renderings++, new Response(`page ${counter.renderings}`, { status, headers })) };
	return counter;
}

describe('ledgerServed', () => {
	it('renders a page once per ledger version, then again after the ledger changes', async () => {
		const serve = ledgerServed(options('once'));
		const page = counting();
		expect(await (await serve(request('/en/pledges/a'), page.render)).text()).toBe('page 1');
		expect(await (await serve(request('/en/pledges/a', { address: '198.51.100.7' }), page.render)).text()).toBe('page 1');
		await store.add({ government: 'Ville de Grigny', country: 'FR', title: 'A change of the ledger', compacts: [] }, actor);
		expect(await (await serve(request('/en/pledges/a'), page.render)).text()).toBe('page 2');
		expect(page.renderings).toBe(2);
	});

	it('gives requests that miss the same page at once one rendering', async () => {
		const serve = ledgerServed(options('shared'));
		const page = counting();
		const bodies = await Promise.all(Array.from({ length: 5 }, async () => (await serve(request('/en/pledges/b'), page.render)).text()));
		expect(new Set(bodies)).toEqual(new Set(['page 1']));
		expect(page.renderings).toBe(1);
	});

	it('never keeps an answer that is not a page for everyone (an unknown pledge, a cookie)', async () => {
		const serve = ledgerServed(options('misses'));
		const missing = counting(404);
		for (let index = 0; index < 3; index++) expect((await serve(request('/en/pledges/none'), missing.render)).status).toBe(404);
		expect(missing.renderings).toBe(3);
		const withCookie = counting(200, { 'content-type': 'text/html', 'set-cookie': 'lang=fr' });
		await serve(request('/en/pledges/c'), withCookie.render);
		await serve(request('/en/pledges/c'), withCookie.render);
		expect(withCookie.renderings).toBe(2);
	});

	it('lets one address add only its share of pages a minute: past it, its pages are rendered for it alone', async () => {
		const serve = ledgerServed(options('share'));
		const renderings = new Map<string, number>();
		const render = (path: string) => async () => (renderings.set(path, (renderings.get(path) ?? 0) + 1), new Response(path, { headers: { 'content-type': 'text/html' } }));
		const ask = (path: string, address: string) => serve(request(path, { address }), render(path));
		// The crawler reads many pledges, each twice, from one address.
		for (let index = 0; index < 40; index++) for (let time = 0; time < 2; time++) await ask(`/en/pledges/crawled-${index}`, '203.0.113.9');
		expect(renderings.get('/en/pledges/crawled-0')).toBe(1);
		expect(renderings.get('/en/pledges/crawled-39')).toBe(2);
		// Another address's pages are still kept.
		await ask('/en/pledges/read', '198.51.100.20');
		await ask('/en/pledges/read', '198.51.100.20');
		expect(renderings.get('/en/pledges/read')).toBe(1);
	});

	it('sends a kept page compressed once in the coding the client takes, the same bytes each time, with a tag per coding', async () => {
		const serve = ledgerServed(options('tagged'));
		const html = `<style>p{color:red}</style>${'<p>a pledge</p>'.repeat(200)}`;
		const render = async () => new Response(html, { headers: { 'content-type': 'text/html', 'content-security-policy': "style-src 'self' 'sha256-x'" } });
		const ask = async (acceptEncoding?: string) => {
			const answer = await serve(request('/en/pledges/d', { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }), render);
			return { answer, bytes: Buffer.from(await answer.arrayBuffer()) };
		};
		const zipped = [await ask('gzip, deflate'), await ask('gzip, deflate')];
		expect(zipped[0].answer.headers.get('content-encoding')).toBe('gzip');
		expect(zipped[0].answer.headers.get('vary')).toMatch(/accept-encoding/i);
		expect(zipped[1].bytes.equals(zipped[0].bytes)).toBe(true);
		expect(gunzipSync(zipped[0].bytes).toString('utf8')).toBe(html);
		const brotli = await ask('gzip, deflate, br');
		expect(brotli.answer.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(brotli.bytes).toString('utf8')).toBe(html);
		const plain = await ask();
		expect(plain.answer.headers.get('content-encoding')).toBeNull();
		expect(plain.bytes.toString('utf8')).toBe(html);
		const tags = [zipped[0], brotli, plain].map(({ answer }) => answer.headers.get('etag'));
		expect(new Set(tags).size).toBe(3);
		const revalidated = await serve(request('/en/pledges/d', { headers: { 'if-none-match': tags[0]!, 'accept-encoding': 'gzip' } }), render);
		expect([revalidated.status, revalidated.headers.get('etag')]).toEqual([304, tags[0]]);
	});

	it('never keeps a page whose policy names a nonce: every visitor would get the same one', async () => {
		const serve = ledgerServed(options('nonce'));
		const page = counting(200, { 'content-type': 'text/html', 'content-security-policy': "script-src 'nonce-abc'" });
		await serve(request('/en/pledges/n'), page.render);
		await serve(request('/en/pledges/n'), page.render);
		expect(page.renderings).toBe(2);
	});

	it('keeps an image with its own validators and answers 304 to them', async () => {
		const serve = ledgerServed(options('card', 'own'));
		const bytes = new Uint8Array([137, 80, 78, 71]);
		const validators = { etag: '"card-of-e"', 'last-modified': new Date(0).toUTCString() };
		const card = counting(200, { 'content-type': 'image/png', ...validators });
		const render = async () => (await card.render(), new Response(bytes, { headers: { 'content-type': 'image/png', ...validators } }));
		expect(new Uint8Array(await (await serve(request('/og/pledges/e/en.png'), render)).arrayBuffer())).toEqual(bytes);
		const kept = await serve(request('/og/pledges/e/en.png', { headers: { 'if-none-match': validators.etag } }), render);
		expect([kept.status, kept.headers.get('etag')]).toEqual([304, validators.etag]);
		expect(card.renderings).toBe(1);
	});

	it('gives from a kept page, without rendering, the answer the route sends: in the client’s coding, or 304', async () => {
		const serve = ledgerServed(options('early'));
		const page = counting(200, { 'content-type': 'text/html; charset=utf-8' });
		const url = new URL('http://localhost/en/pledges/k');
		const version = await store.version();
		expect(serve.kept(version, url, { acceptEncoding: 'gzip', ifNoneMatch: null })).toBeUndefined();
		await serve(request('/en/pledges/k'), page.render);
		for (const acceptEncoding of ['gzip, deflate', 'gzip, deflate, br', null]) {
			const routed = await serve(request('/en/pledges/k', { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }), page.render);
			const kept = serve.kept(version, url, { acceptEncoding, ifNoneMatch: null })!;
			expect([kept.status, kept.headers, Buffer.from(kept.body!)]).toEqual([routed.status, [...routed.headers], Buffer.from(await routed.arrayBuffer())]);
			const revalidated = serve.kept(version, url, { acceptEncoding, ifNoneMatch: routed.headers.get('etag') })!;
			const routedAgain = await serve(request('/en/pledges/k', { headers: { ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}), 'if-none-match': routed.headers.get('etag')! } }), page.render);
			expect([revalidated.status, revalidated.headers, revalidated.body]).toEqual([304, [...routedAgain.headers], null]);
		}
		expect(page.renderings).toBe(1);
		// Another version: nothing kept for it.
		expect(serve.kept(version + 1, url, { acceptEncoding: 'gzip', ifNoneMatch: null })).toBeUndefined();
	});

	it('gives no early answer for answers with validators of their own: the route decides', async () => {
		const serve = ledgerServed(options('own-early', 'own'));
		const card = counting(200, { 'content-type': 'image/png', etag: '"card"', 'last-modified': new Date(0).toUTCString() });
		await serve(request('/og/pledges/f/en.png'), card.render);
		expect(serve.kept(await store.version(), new URL('http://localhost/og/pledges/f/en.png'), { acceptEncoding: 'gzip', ifNoneMatch: null })).toBeUndefined();
	});
});
