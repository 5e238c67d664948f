import { get, type IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

/** One raw GET (no client decompression), answered with its headers and the first bytes of its body. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ response: IncomingMessage; body: Buffer }> {
	return new Promise((resolve, reject) => {
		const request = get(url, { headers }, (response) => {
			const chunks: Buffer[] = [];
			const isStream = String(response.headers['content-type']).startsWith('text/event-stream');
			response.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
				// A stream never ends: its first event is enough.
				if (isStream) {
					request.destroy();
					resolve({ response, body: Buffer.concat(chunks) });
				}
			});
			response.on('end', () => resolve({ response, body: Buffer.concat(chunks) }));
		});
		request.on('error', reject);
	});
}

test('a rendered page is sent gzipped to a client that accepts it, and plain to one that does not', async ({ baseURL }) => {
	const zipped = await rawGet(`${baseURL}/en/pledges`, { 'accept-encoding': 'gzip' });
	expect(zipped.response.headers['content-encoding']).toBe('gzip');
	expect(zipped.response.headers['vary']).toMatch(/accept-encoding/i);
	const html = gunzipSync(zipped.body).toString('utf8');
	expect(html).toContain('<svg');
	const plain = await rawGet(`${baseURL}/en/pledges`, {});
	expect(plain.response.headers['content-encoding']).toBeUndefined();
	expect(plain.body.length).toBeGreaterThan(zipped.body.length * 3);
});

test('the live stream is never compressed: its first event arrives as it is sent', async ({ baseURL }) => {
	const { response, body } = await rawGet(`${baseURL}/api/pledges/stream`, { 'accept-encoding': 'gzip' });
	expect(response.headers['content-encoding']).toBeUndefined();
	expect(body.toString('utf8')).toMatch(/^(:|retry:|event:|id:)/m);
});
