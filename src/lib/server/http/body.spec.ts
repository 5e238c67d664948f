import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGES } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { MAX_JSON_BODY_BYTES, readJsonBody } from './body';

const other = LANGUAGES.find((lang) => lang !== DEFAULT_LANGUAGE)!;

function post(body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) {
	return new Request('https://site.example/api/x', { method: 'POST', headers, body, duplex: 'half' } as RequestInit);
}

/** A body sent in chunks, without Content-Length. */
function chunked(bytes: number, chunk = 1024): ReadableStream<Uint8Array> {
	let sent = 0;
	return new ReadableStream({
		pull(controller) {
			if (sent >= bytes) return controller.close();
			const size = Math.min(chunk, bytes - sent);
			controller.enqueue(new Uint8Array(size).fill(0x20));
			sent += size;
		}
	});
}

async function refusal(request: Request, limit?: number) {
	const body = await readJsonBody(request, limit);
	if (body.ok) throw new Error('the body was taken');
	return { status: body.response.status, ...((await body.response.json()) as { error: string; message: string }) };
}

describe('reading a JSON body', () => {
	it('gives the parsed value, whatever the charset parameter or the case of the type', async () => {
		expect(await readJsonBody(post('{"a":1}', { 'content-type': 'APPLICATION/JSON; charset=utf-8' }))).toEqual({ ok: true, value: { a: 1 } });
	});

	it('refuses another media type with 415, in the request’s language', async () => {
		const t = await translatorFor(other);
		for (const type of ['text/plain', 'application/xml', 'application/jsonx']) {
			expect(await refusal(post('{}', { 'content-type': type, 'accept-language': other }))).toEqual({ status: 415, error: 'unsupported-media-type', message: t('common:api.jsonOnly') });
		}
		expect((await refusal(new Request('https://site.example/api/x', { method: 'POST' }))).status).toBe(415);
	});

	it('refuses a body over the cap with 413 by its Content-Length, before reading it', async () => {
		const t = await translatorFor(DEFAULT_LANGUAGE);
		const request = post('{}', { 'content-type': 'application/json', 'content-length': String(MAX_JSON_BODY_BYTES + 1) });
		expect(await refusal(request)).toEqual({ status: 413, error: 'too-large', message: t('common:api.tooLarge', { max: MAX_JSON_BODY_BYTES }) });
	});

	it('refuses a chunked body that grows past the limit with 413, and takes one exactly at it', async () => {
		expect(await refusal(post(chunked(4097)), 4096)).toMatchObject({ status: 413, error: 'too-large' });
		expect((await refusal(post(chunked(4096)), 4096)).error).toBe('invalid-json');
	});

	it('refuses bytes that are not UTF-8 rather than replacing them', async () => {
		expect(await refusal(post(new Uint8Array([0x22, 0xc3, 0x28, 0x22])))).toMatchObject({ status: 400, error: 'invalid-encoding' });
	});

	it('refuses text that is not JSON', async () => {
		const t = await translatorFor(other);
		expect(await refusal(post('{"a":', { 'content-type': 'application/json', 'accept-language': other }))).toEqual({ status: 400, error: 'invalid-json', message: t('common:api.invalidJson') });
	});
});
