import { createHash } from 'node:crypto';
import { storeFilter } from '$lib/pledges/filter';
import { LIMITS, validatePledge } from '$lib/pledges/schema';
import { MAX_SEARCH_LENGTH } from '$lib/pledges/search';
import { openNote, openPledge } from '$lib/pledges/open-data';
import type { Pledge } from '$lib/pledges/types';
import { apiError } from '$lib/server/http/api-error';
import { readJsonBody } from '$lib/server/http/body';
import { invalidFieldsResponse } from '$lib/server/http/field-errors';
import { JSON_TYPE, jsonText } from '$lib/server/http/json';
import { apiTranslator } from '$lib/server/http/language';
import { refusalStatus } from '$lib/server/http/refusal-status';
import type { Organizer } from '$lib/server/organizers/accounts';
import type { Store } from '$lib/server/store/types';
import { encodeCursor } from './cursor';
import { recentReportsSince } from './freshness';
import { MAX_LIMIT, readListQuery } from './list-query';
import { licenseHeaders, openDataLicense } from './open-data-license';
import { conditionalResponse } from './open-data';

/** Each pledge as the open data gives it, with its progress notes, latest day first (none: an empty list). */
async function withNotes(store: Store, pledges: Pledge[]) {
	const notes = await store.notesOf(pledges.map((pledge) => pledge.id));
	return pledges.map((pledge) => ({ ...openPledge(pledge), notes: (notes.get(pledge.id) ?? []).map(openNote) }));
}

/** `GET /api/pledges`: the public ledger, newest first, a page at a time; filtered and searched on request. */
export async function listPledgesResponse(store: Store, request: Request, url: URL): Promise<Response> {
	const asked = readListQuery(url.searchParams);
	if ('problem' in asked) {
		const max = asked.problem === 'invalid-limit' ? MAX_LIMIT : MAX_SEARCH_LENGTH;
		return apiError(request, 400, asked.problem, `pledges:listErrors.${asked.problem}`, { values: { max } });
	}
	const { count, updatedAt } = await store.snapshot();
	const license = openDataLicense();
	return conditionalResponse(request, url, { count, updatedAt }, `json|${license}`, async () => {
		const page = await store.listPage(storeFilter(asked.filter, recentReportsSince()), { limit: asked.limit, after: asked.after });
		const nextCursor = page.next === null ? null : encodeCursor(page.next);
		return {
			body: JSON.stringify({ count, updatedAt, matching: page.matching, license, pledges: await withNotes(store, page.pledges), nextCursor }),
			headers: { 'content-type': JSON_TYPE, ...licenseHeaders(license) }
		};
	});
}

const isIdempotencyKey = (key: string) => key.length > 0 && key.length <= 200 && /^[\x21-\x7e]+$/.test(key);

/** `POST /api/pledges` by an organizer the guard let through. */
export async function createPledgeResponse(store: Store, request: Request, organizer: Organizer): Promise<Response> {
	const body = await readJsonBody(request);
	if (!body.ok) return body.response;
	const result = validatePledge(body.value);
	if (!result.success) return invalidFieldsResponse(await apiTranslator(request), 'pledges', result.errors, LIMITS);

	const key = request.headers.get('idempotency-key')?.trim();
	if (key !== undefined && !isIdempotencyKey(key)) return apiError(request, 400, 'invalid-idempotency-key', 'pledges:apiErrors.invalidIdempotencyKey');
	const requestHash = createHash('sha256').update(JSON.stringify(result.pledge)).digest('hex');
	const outcome = await store.addOnce(result.pledge, { id: organizer.id, email: organizer.email }, key ? { key, requestHash } : undefined);
	if (outcome.kind === 'key-reused') return apiError(request, refusalStatus(outcome), 'idempotency-key-reused', 'pledges:apiErrors.idempotencyKeyReused');
	return jsonText(outcome.status, outcome.body, outcome.replayed ? { 'idempotent-replayed': 'true' } : {});
}
