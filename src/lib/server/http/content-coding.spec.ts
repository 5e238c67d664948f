import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressedCopies, preferredCoding } from './content-coding';

describe('preferredCoding', () => {
	it('takes brotli over gzip when the client weighs them alike, and what it weighs higher otherwise', () => {
		expect(preferredCoding('gzip, deflate, br, zstd')).toBe('br');
		expect(preferredCoding('gzip, deflate')).toBe('gzip');
		expect(preferredCoding('br;q=0.5, gzip')).toBe('gzip');
		expect(preferredCoding('*')).toBe('br');
	});

	it('sends the plain bytes to a client that names no coding it reads, or refuses them all', () => {
		expect(preferredCoding(null)).toBeUndefined();
		expect(preferredCoding('identity')).toBeUndefined();
		expect(preferredCoding('deflate')).toBeUndefined();
		expect(preferredCoding('gzip;q=0, br;q=0')).toBeUndefined();
		expect(preferredCoding('*, br;q=0, gzip;q=0')).toBeUndefined();
	});
});

describe('compressedCopies', () => {
	it('gives copies that decode to the same bytes', async () => {
		const body = new TextEncoder().encode('<p>Une action locale</p>'.repeat(100));
		const copies = await compressedCopies(body);
		expect(new Uint8Array(gunzipSync(copies.gzip))).toEqual(body);
		expect(new Uint8Array(brotliDecompressSync(copies.br))).toEqual(body);
		expect(copies.br.byteLength).toBeLessThan(body.byteLength);
	});
});
