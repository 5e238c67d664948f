import { createHash } from 'node:crypto';
import { negotiateLanguage } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { LIMITS, validatePledge, type FieldErrors } from '$lib/pledges/schema';
import { MAX_SEARCH_LENGTH } from '$lib/pledges/search';
import type { Organizer } from '$lib/server/organizers/accounts';
import type { Pledge } from '$lib/pledges/types';
import type { Store } from '$lib/server/store/types';
import { encodeCursor } from './cursor';
import { MAX_LIMIT, readListQuery } from './list-query';
import { conditionalResponse } from './open-data';

/** A pledge is a few kilobytes at most; anything far larger is refused before parsing. */
export const MAX_BODY_BYTES = 64 * 1024;

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(body), { status, headers: { ...jsonHeaders, ...headers } });
}

export class TooLarge extends Error {}

/**
 * The body as text, refusing more than `limit` bytes whatever Content-Length claims. A body that
 * turns out too large is read to its end (up to adapter-node's BODY_SIZE_LIMIT) rather than
 * cancelled: cancelling destroys the connection, and the client would never see the 413.
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

/** Each pledge with its progress notes, latest day first (none: an empty list). */
async function withNotes(store: Store, pledges: Pledge[]) {
	const notes = await store.notesOf(pledges.map((pledge) => pledge.id));
	return pledges.map((pledge) => ({ ...pledge, notes: (notes.get(pledge.id) ?? []).map(({ date, text }) => ({ date, text })) }));
}

/** `GET /api/pledges`: the public ledger, newest first, a page at a time; filtered and searched on request. */
export async function listPledgesResponse(store: Store, request: Request, url: URL): Promise<Response> {
	const asked = readListQuery(url.searchParams);
	if ('problem' in asked) {
		const t = await translatorFor(negotiateLanguage(undefined, request.headers.get('accept-language')));
		return json(400, { error: asked.problem, message: t(`pledges:listErrors.${asked.problem}`, { max: asked.problem === 'invalid-limit' ? MAX_LIMIT : MAX_SEARCH_LENGTH }) });
	}
	const { count, updatedAt } = await store.snapshot();
	return conditionalResponse(request, url, { count, updatedAt }, 'json', async () => {
		const page = await store.listPage(asked.filter, { limit: asked.limit, after: asked.after });
		const nextCursor = page.next === null ? null : encodeCursor(page.next);
		return {
			body: JSON.stringify({ count, updatedAt, matching: page.matching, pledges: await withNotes(store, page.pledges), nextCursor }),
			headers: { 'content-type': jsonHeaders['content-type'] }
		};
	});
}

async function translatedErrors(errors: FieldErrors, acceptLanguage: string | null) {
	const t = await translatorFor(negotiateLanguage(undefined, acceptLanguage));
	const fields = Object.fromEntries(
		Object.entries(errors).map(([field, key]) => [field, t(`pledges:errors.${key}`, { max: LIMITS[field as keyof typeof LIMITS] ?? 0 })])
	);
	return { error: 'invalid', message: t('pledges:errors.summary'), fields };
}

/** `POST /api/pledges` by an organizer already authorized by the guard. */
export async function createPledgeResponse(store: Store, request: Request, organizer: Organizer): Promise<Response> {
	const acceptLanguage = request.headers.get('accept-language');
	const type = request.headers.get('content-type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) {
		return json(415, { error: 'unsupported-media-type', message: 'Send the pledge as application/json.' });
	}
	let text: string;
	try {
		text = await readBody(request, MAX_BODY_BYTES);
	} catch (error) {
		if (error instanceof TooLarge) return json(413, { error: 'too-large', message: `The body may not exceed ${MAX_BODY_BYTES} bytes.` });
		// Bytes that are not UTF-8 are refused, not turned silently into U+FFFD.
		if (error instanceof TypeError && (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
			return json(400, { error: 'invalid-encoding', message: 'The body is not valid UTF-8.' });
		}
		throw error;
	}
	let input: unknown;
	try {
		input = JSON.parse(text);
	} catch {
		return json(400, { error: 'invalid-json', message: 'The body is not valid JSON.' });
	}
	const result = validatePledge(input);
	if (!result.success) return json(400, await translatedErrors(result.errors, acceptLanguage));

	const actor = { id: organizer.id, email: organizer.email };
	const key = request.headers.get('idempotency-key')?.trim();
	if (key !== undefined && (key.length === 0 || key.length > 200 || !/^[\x21-\x7e]+$/.test(key))) {
		return json(400, { error: 'invalid-idempotency-key', message: 'Idempotency-Key must be 1 to 200 visible ASCII characters.' });
	}
	const requestHash = createHash('sha256').update(JSON.stringify(result.pledge)).digest('hex');
	const outcome = await store.addOnce(result.pledge, actor, key ? { key, requestHash } : undefined);
	if (outcome.kind === 'key-reused') {
		return json(422, { error: 'idempotency-key-reused', message: 'This Idempotency-Key was already used for a different pledge.' });
	}
	return new Response(outcome.body, {
		status: outcome.status,
		headers: { ...jsonHeaders, ...(outcome.replayed ? { 'idempotent-replayed': 'true' } : {}) }
	});
}
