/**
 * The API's answers: JSON, never cached (each answer is this request's), and errors shaped
 * `{ error, message }`: `error` a stable code for programs, `message` a sentence for people.
 */
export const JSON_TYPE = 'application/json; charset=utf-8';
const JSON_HEADERS = { 'content-type': JSON_TYPE, 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return jsonText(status, JSON.stringify(body), headers);
}

/** A body already serialised (an idempotent replay answers the bytes it stored). */
export function jsonText(status: number, body: string, headers: Record<string, string> = {}): Response {
	return new Response(body, { status, headers: { ...JSON_HEADERS, ...headers } });
}

export function jsonError(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
	return json(status, { error, message }, headers);
}
