import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerKept } from './kept-on-node';
import { ledgerServed, type LedgerServe } from './ledger-served';

// Node's own request and response, on a server of the test's own: what answerKept writes is what a client reads.
const VERSION = 7;
const kept: LedgerServe = ledgerServed({ kind: 'node', maxEntries: 10, maxBytes: 1024 * 1024, key: (url) => url.pathname, validators: 'ledger' });
let server: Server;
let origin: string;
let readVersion: () => Promise<number> = async () => VERSION;

beforeAll(async () => {
	// Kept as the route keeps it: rendered once for VERSION.
	const store = { version: async () => VERSION, changes: { subscribe: () => () => {} }, limits: { take: async () => ({ allowed: true }) } };
	const event = { url: new URL('http://localhost/en/pledges'), request: new Request('http://localhost/en/pledges'), locals: { store }, getClientAddress: () => '192.0.2.1' } as unknown as RequestEvent;
	await kept(event, () => new Response('<p>kept</p>'.repeat(200), { headers: { 'content-type': 'text/html; charset=utf-8' } }));
	server = createServer(async (request, response) => {
		if (!(await answerKept(request, response, readVersion, [kept]))) response.writeHead(299).end('route');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A raw GET (no decoding): status, headers and bytes as sent. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
	return new Promise((resolve, reject) => {
		httpRequest(`${origin}${path}`, { method, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
		})
			.on('error', reject)
			.end();
	});
}

describe('a kept page answered on Node’s request', () => {
	it('is sent with the headers and bytes of the kept answer, and 304 to its tag', async () => {
		const answer = kept.kept(VERSION, new URL('http://localhost/en/pledges'), { acceptEncoding: 'gzip', ifNoneMatch: null })!;
		const sent = await get('/en/pledges', { 'accept-encoding': 'gzip' });
		expect(sent.status).toBe(200);
		expect(sent.body.equals(Buffer.from(answer.body!))).toBe(true);
		for (const [name, value] of answer.headers) expect(sent.headers[name], name).toBe(value);
		const revalidated = await get('/en/pledges', { 'accept-encoding': 'gzip', 'if-none-match': String(sent.headers.etag) });
		expect([revalidated.status, revalidated.body.length]).toEqual([304, 0]);
	});

	it('leaves to the route a HEAD, a plain answer, an address with nothing kept, another version', async () => {
		expect((await get('/en/pledges', { 'accept-encoding': 'gzip' }, 'HEAD')).status).toBe(299);
		expect((await get('/en/pledges')).status).toBe(299);
		expect((await get('/en/pledges', { 'accept-encoding': 'deflate' })).status).toBe(299);
		expect((await get('/fr/pledges', { 'accept-encoding': 'gzip' })).status).toBe(299);
		readVersion = async () => VERSION + 1;
		try {
			expect((await get('/en/pledges', { 'accept-encoding': 'gzip' })).status).toBe(299);
		} finally {
			readVersion = async () => VERSION;
		}
	});

	it('leaves to the route a request whose version the store cannot read: the route answers the fault', async () => {
		readVersion = async () => {
			throw new Error('store fault');
		};
		try {
			expect((await get('/en/pledges', { 'accept-encoding': 'gzip' })).status).toBe(299);
		} finally {
			readVersion = async () => VERSION;
		}
	});
});
