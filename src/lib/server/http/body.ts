import { isJsonBody } from './content-type';
import { apiError } from './api-error';

/** The API's JSON body cap: a pledge is a few kilobytes at most; anything far larger is refused before parsing. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export class TooLarge extends Error {}

/**
 * The body as UTF-8 text, refusing more than `limit` bytes whatever Content-Length claims. A body
 * that turns out too large is read to its end (up to adapter-node's BODY_SIZE_LIMIT) rather than
 * cancelled: cancelling destroys the connection, and the client would never see the 413.
 * Throws TooLarge, or a TypeError for bytes that are not UTF-8 (never turned silently into U+FFFD).
 */
export async function readBody(request: Request, limit: number): Promise<string> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limit) throw new TooLarge();
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.byteLength;
			if (size <= limit) chunks.push(value);
		}
	} catch (error) {
		// adapter-node's own BODY_SIZE_LIMIT surfaces here as a stream error with status 413.
		if ((error as { status?: number }).status === 413) throw new TooLarge();
		throw error;
	}
	if (size > limit) throw new TooLarge();
	return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
}

const isBadEncoding = (error: unknown) => error instanceof TypeError && (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA';

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

const refused = async (response: Promise<Response>) => ({ ok: false as const, response: await response });

/**
 * The request's JSON body, or the answer refusing it in the request's language: 415 for another
 * media type, 413 over `limit` bytes, 400 for bytes that are not UTF-8 or text that is not JSON.
 */
export async function readJsonBody(request: Request, limit = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
	if (!isJsonBody(request)) return refused(jsonOnlyResponse(request));
	let text: string;
	try {
		text = await readBody(request, limit);
	} catch (error) {
		if (error instanceof TooLarge) return refused(apiError(request, 413, 'too-large', 'common:api.tooLarge', { values: { max: limit } }));
		if (isBadEncoding(error)) return refused(apiError(request, 400, 'invalid-encoding', 'common:api.invalidEncoding'));
		throw error;
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return refused(apiError(request, 400, 'invalid-json', 'common:api.invalidJson'));
	}
}

/** The answer to a body that is not JSON, whatever the route: the API takes JSON only. */
export const jsonOnlyResponse = (request: Request) => apiError(request, 415, 'unsupported-media-type', 'common:api.jsonOnly');
