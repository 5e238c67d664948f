/**
 * The HTTP status of each refusal the domain answers with, the same for the API and the pages'
 * forms: a rule (closed, forged cookie) 403, a conflict with what is stored 409 or 422, a limit 429.
 */
export const REFUSAL_STATUS = {
	closed: 403,
	forged: 403,
	duplicate: 409,
	'not-public': 409,
	'key-reused': 422,
	limited: 429,
	'not-found': 404,
	'no-address': 400
} as const satisfies Record<string, number>;

export type RefusalKind = keyof typeof REFUSAL_STATUS;
export type Refusal = { kind: Exclude<RefusalKind, 'limited'> } | { kind: 'limited'; retryAfterSeconds: number };

export const refusalStatus = (refusal: { kind: RefusalKind }) => REFUSAL_STATUS[refusal.kind];

/** A limited refusal says when to come back. */
export function refusalHeaders(refusal: Refusal): Record<string, string> {
	return refusal.kind === 'limited' ? { 'retry-after': String(refusal.retryAfterSeconds) } : {};
}
