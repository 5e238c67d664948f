import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { rawGet } from './support/raw-get';
import { ownServer } from './support/server-process';

test('a rendered page is sent gzipped to a client that accepts it, and plain to one that does not', async ({ baseURL }) => {
	const zipped = await rawGet(`${baseURL}/en/pledges`, { 'accept-encoding': 'gzip' });
	expect(zipped.response.headers['content-encoding']).toBe('gzip');
	expect(zipped.response.headers['vary']).toMatch(/accept-encoding/i);
	const html = gunzipSync(zipped.body).toString('utf8');
	expect(html).toContain('<svg');
	const plain = await rawGet(`${baseURL}/en/pledges`, {});
	expect(plain.response.headers['content-encoding']).toBeUndefined();
	// Markup compresses severalfold; how much depends on the pledges other tests added (about 3 times, less as the
	// list fills with distinct texts), so the test asks only for a clear gain.
	expect(plain.body.length).toBeGreaterThan(zipped.body.length * 2);
});

test('the live stream is never compressed: its first event arrives as it is sent', async ({ baseURL }) => {
	const { response, body } = await rawGet(`${baseURL}/api/pledges/stream`, { 'accept-encoding': 'gzip' });
	expect(response.headers['content-encoding']).toBeUndefined();
	expect(body.toString('utf8')).toMatch(/^(:|retry:|event:|id:)/m);
});

test('an answer compressed on its way out carries the weak form of its tag: a cache never takes one coding for the other, and both revalidate', async () => {
	// A store of its own: the open data's tag stays the same while the test reads it.
	const dir = mkdtempSync(join(tmpdir(), 'imrf-compressed-tags-'));
	const server = await ownServer(join(dir, 'site.db'));
	try {
		const url = `${server.origin}/api/pledges`;
		const zipped = await rawGet(url, { 'accept-encoding': 'gzip' });
		const plain = await rawGet(url, { 'accept-encoding': 'identity' });
		expect(zipped.response.headers['content-encoding']).toBe('gzip');
		expect(plain.response.headers['content-encoding']).toBeUndefined();
		const strong = String(plain.response.headers.etag);
		expect(strong).toMatch(/^"/);
		expect(zipped.response.headers.etag).toBe(`W/${strong}`);

		// Each client revalidates with the tag it holds, and is answered 304 under that same tag.
		for (const [coding, held] of [['gzip', `W/${strong}`], ['identity', strong]]) {
			const again = await rawGet(url, { 'accept-encoding': coding, 'if-none-match': held });
			expect([again.response.statusCode, again.response.headers.etag, again.body.length], coding).toEqual([304, held, 0]);
		}
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});
