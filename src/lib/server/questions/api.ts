import type { RequestEvent } from '@sveltejs/kit';
import type { Translate } from '$lib/i18n/translator';
import { parseModeration, QUESTION_LIMITS as TEXT_LIMITS, translationLimits, validateTranslations } from '$lib/questions/schema';
import { QUESTION_STATUSES, type QuestionStatus } from '$lib/questions/types';
import { apiError } from '$lib/server/http/api-error';
import { guardedOrganizer } from '$lib/server/http/api-guard';
import { checkBearer } from '$lib/server/http/bearer';
import { readJsonBody } from '$lib/server/http/body';
import { invalidFieldsResponse } from '$lib/server/http/field-errors';
import { json } from '$lib/server/http/json';
import { apiTranslator } from '$lib/server/http/language';
import { PUBLIC_READ_HEADERS } from '$lib/server/http/public-read';
import { refusalHeaders, refusalStatus } from '$lib/server/http/refusal-status';
import { decodeCursor } from './cursor';
import { listSize } from './index';
import { refusalMessage, type QuestionRefusal } from './refusal-message';
import { askQuestion, castVote, votesOfViewer } from './service';

/** A question is a few hundred characters; anything far larger is refused before parsing. */
const MAX_BODY_BYTES = 4 * 1024;

// What a moderator may send, for the message that refuses anything else.
const MODERATION_SHAPE = '{ "status"?: "approved" | "rejected" | "answered", "onScreen"?: boolean, "translations"?: { "<lang>": text | null } }';

const isQuestionStatus = (status: string): status is QuestionStatus => (QUESTION_STATUSES as readonly string[]).includes(status);

function refusalResponse(t: Translate, refusal: QuestionRefusal): Response {
	return json(refusalStatus(refusal), { error: refusal.kind, message: refusalMessage(t, refusal) }, refusalHeaders(refusal));
}

/**
 * `GET /api/questions`: the top of the public lists (bounded), `?cursor=` the pages after them; an
 * organizer's token adds `?status=` for any status.
 */
export async function listQuestionsResponse(event: RequestEvent): Promise<Response> {
	const store = event.locals.store.questions;
	const status = event.url.searchParams.get('status');
	const cursor = event.url.searchParams.get('cursor');
	if (status === null && cursor !== null) {
		const after = decodeCursor(cursor);
		if (!after) return apiError(event.request, 400, 'invalid-cursor', 'questions:apiErrors.invalidCursor');
		return json(200, await store.publicPage(after, listSize()), PUBLIC_READ_HEADERS);
	}
	if (status === null) return json(200, await store.publicState(listSize()), PUBLIC_READ_HEADERS);
	const bearer = await checkBearer(event, ['organizer']);
	if (!bearer.ok) return bearer.response;
	if (!isQuestionStatus(status)) {
		return apiError(event.request, 400, 'invalid-status', 'questions:apiErrors.invalidStatus', { values: { statuses: QUESTION_STATUSES.join(', ') } });
	}
	return json(200, { open: await store.isOpen(), questions: await store.list(status) });
}

/** `POST /api/questions`: a viewer's question, pending until approved (the guard has refused other sites). */
export async function askResponse(event: RequestEvent): Promise<Response> {
	const body = await readJsonBody(event.request, MAX_BODY_BYTES);
	if (!body.ok) return body.response;
	const result = await askQuestion(event.locals.store, event, body.value);
	if (result.kind === 'accepted') return json(202, { id: result.id, status: 'pending' });
	const t = await apiTranslator(event.request, body.value);
	if (result.kind === 'invalid') return invalidFieldsResponse(t, 'questions', result.errors, TEXT_LIMITS);
	return refusalResponse(t, result);
}

/** `POST` / `DELETE /api/questions/{id}/vote`: this browser's vote, by its signed cookie (the guard has refused other sites). */
export async function voteResponse(event: RequestEvent, id: string, hasVoted: boolean): Promise<Response> {
	const result = await castVote(event.locals.store, event, id, hasVoted);
	if (result.kind === 'counted') return json(200, { id, votes: result.votes, voted: result.hasVoted });
	return refusalResponse(await apiTranslator(event.request), result);
}

/** `GET /api/questions/votes`: the public questions this browser voted for. */
export async function myVotesResponse({ cookies, locals }: RequestEvent): Promise<Response> {
	return json(200, { ids: await votesOfViewer(locals.store, cookies) });
}

/** `PATCH /api/questions/{id}`: an organizer moderates. */
export async function moderateResponse(event: RequestEvent, id: string): Promise<Response> {
	const organizer = guardedOrganizer(event.locals);
	const body = await readJsonBody(event.request, MAX_BODY_BYTES);
	if (!body.ok) return body.response;
	const parsed = parseModeration(body.value);
	if (!parsed) return apiError(event.request, 400, 'invalid', 'questions:apiErrors.invalidModeration', { values: { shape: MODERATION_SHAPE } });
	const translations = validateTranslations(parsed.translations ?? {});
	if (!translations.success) {
		return invalidFieldsResponse(await apiTranslator(event.request), 'questions', translations.errors, translationLimits(Object.keys(parsed.translations ?? {})));
	}
	const change = parsed.translations ? { ...parsed, translations: translations.translations } : parsed;
	const outcome = await event.locals.store.questions.moderate(id, change, { id: organizer.id, email: organizer.email });
	if (outcome.kind === 'same-language') return apiError(event.request, 400, outcome.kind, `questions:apiErrors.${outcome.kind}`, { values: { lang: outcome.lang } });
	if (outcome.kind === 'not-found' || outcome.kind === 'not-public') {
		return apiError(event.request, refusalStatus(outcome), outcome.kind, `questions:apiErrors.${outcome.kind}`);
	}
	return json(200, outcome.question);
}

/** `PUT /api/questions/open`: an organizer opens or closes the Q&A. */
export async function setOpenResponse(event: RequestEvent): Promise<Response> {
	const organizer = guardedOrganizer(event.locals);
	const body = await readJsonBody(event.request, MAX_BODY_BYTES);
	if (!body.ok) return body.response;
	const open = (body.value as { open?: unknown } | null)?.open;
	if (typeof open !== 'boolean') return apiError(event.request, 400, 'invalid', 'questions:apiErrors.invalidOpen');
	await event.locals.store.questions.setOpen(open, { id: organizer.id, email: organizer.email });
	return json(200, { open });
}
