/**
 * The API's answers: JSON, never cached (each answer is this request's), and errors shaped
 * `{ error, message }`: `error` a stable code for programs, `message` a sentence for people.
 */
export const JSON_TYPE = 'application/json; charset=utf-8';
const JSON_HEADERS = { 'content-type': JSON_TYPE, 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return jsonText(status, JSON.stringify(body), headers);
}

/**
 * A body already serialised (an idempotent replay answers the bytes it stored). Its length is
 * declared, so that an answer under 1 KB (a write's) is not gzipped: compressing it cost more CPU
 * than the rest of the answer and saves nothing (src/lib/server/http/compress.js).
 */
export function jsonText(status: number, body: string, headers: Record<string, string> = {}): Response {
	return new Response(body, { status, headers: { ...JSON_HEADERS, 'content-length': String(Buffer.byteLength(body)), ...headers } });
}

export function jsonError(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
	return json(status, { error, message }, headers);
}
