import { gunzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { rawGet } from './support/raw-get';

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
