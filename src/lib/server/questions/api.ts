import type { RequestEvent } from '@sveltejs/kit';
import { isLanguage, negotiateLanguage, type Language } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import type { Translator } from '$lib/i18n/translator';
import { parseModeration, QUESTION_LIMITS as TEXT_LIMITS } from '$lib/questions/schema';
import { QUESTION_STATUSES, type QuestionStatus } from '$lib/questions/types';
import { PUBLIC_READ_HEADERS } from '$lib/server/http/public-read';
import type { Organizer } from '$lib/server/organizers/accounts';
import { json, readBody, TooLarge } from '$lib/server/pledges/api';
import { askQuestion, castVote, votesOfViewer, type AskResult, type VoteResult } from './service';

/** A question is a few hundred characters; anything far larger is refused before parsing. */
const MAX_BODY_BYTES = 4 * 1024;

type Refusal = Exclude<AskResult | VoteResult, { kind: 'accepted' } | { kind: 'counted' } | { kind: 'invalid' }>;

/** A refused public write in the visitor's words (the same sentences as the pages' forms). */
export function refusalMessage(t: Translator, refusal: Refusal): string {
	switch (refusal.kind) {
		case 'limited':
			return t('questions:errors.limited', { minutes: Math.max(1, Math.ceil(refusal.retryAfterSeconds / 60)) });
		case 'not-found':
			return t('questions:errors.notFound');
		case 'no-address':
			return t('questions:errors.noAddress');
		default:
			return t(`questions:errors.${refusal.kind}`);
	}
}

const STATUS_OF: Record<Refusal['kind'], number> = { closed: 403, duplicate: 409, forged: 403, limited: 429, 'not-found': 404, 'no-address': 400 };

function refusalResponse(t: Translator, refusal: Refusal): Response {
	const headers: Record<string, string> = refusal.kind === 'limited' ? { 'retry-after': String(refusal.retryAfterSeconds) } : {};
	return json(STATUS_OF[refusal.kind], { error: refusal.kind, message: refusalMessage(t, refusal) }, headers);
}

/**
 * Public writes come from this site's pages only: a browser names the page's origin (Origin,
 * Sec-Fetch-Site). Form posts get SvelteKit's own check; JSON writes get this one.
 */
function isCrossSite(request: Request, url: URL): boolean {
	const origin = request.headers.get('origin');
	if (origin !== null && origin !== url.origin) return true;
	return request.headers.get('sec-fetch-site') === 'cross-site';
}

const languageOf = (request: Request, asked?: unknown): Language =>
	isLanguage(asked) ? asked : negotiateLanguage(undefined, request.headers.get('accept-language'));

/** The organizer named by `Authorization: Bearer`, `undefined` without one, `false` for a bad one. */
async function bearerOrganizer({ request, locals }: RequestEvent): Promise<Organizer | undefined | false> {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
	if (!match) return undefined;
	return (await locals.store.organizers.checkToken(match[1])) ?? false;
}

function unauthorized(organizer: false | undefined): Response {
	return json(401, { error: 'unauthorized', message: organizer === false ? 'This API token is not valid.' : 'An organizer API token is required (Authorization: Bearer <token>).' }, {
		'www-authenticate': 'Bearer realm="questions"'
	});
}

async function readJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
	if (!/^application\/json\s*(;|$)/i.test(request.headers.get('content-type') ?? '')) {
		return { ok: false, response: json(415, { error: 'unsupported-media-type', message: 'Send application/json.' }) };
	}
	let text: string;
	try {
		text = await readBody(request, MAX_BODY_BYTES);
	} catch (error) {
		if (error instanceof TooLarge) return { ok: false, response: json(413, { error: 'too-large', message: `The body may not exceed ${MAX_BODY_BYTES} bytes.` }) };
		throw error;
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch {
		return { ok: false, response: json(400, { error: 'invalid-json', message: 'The body is not valid JSON.' }) };
	}
}

/** `GET /api/questions`: the public state; an organizer's token adds `?status=` for any status. */
export async function listQuestionsResponse(event: RequestEvent): Promise<Response> {
	const store = event.locals.store.questions;
	const status = event.url.searchParams.get('status');
	if (status === null) return json(200, await store.publicState(), PUBLIC_READ_HEADERS);
	const organizer = await bearerOrganizer(event);
	if (!organizer) return unauthorized(organizer);
	if (!(QUESTION_STATUSES as readonly string[]).includes(status)) {
		return json(400, { error: 'invalid-status', message: `status must be one of ${QUESTION_STATUSES.join(', ')}.` });
	}
	return json(200, { open: await store.isOpen(), questions: await store.list(status as QuestionStatus) });
}

/** `POST /api/questions`: a viewer's question, pending until approved. */
export async function askResponse(event: RequestEvent): Promise<Response> {
	const { request, url } = event;
	const body = await readJson(request);
	const lang = languageOf(request, body.ok ? (body.value as { lang?: unknown } | null)?.lang : undefined);
	const t = await translatorFor(lang);
	if (isCrossSite(request, url)) return json(403, { error: 'cross-site', message: t('questions:errors.crossSite') });
	if (!body.ok) return body.response;
	const result = await askQuestion(event.locals.store, event, body.value);
	if (result.kind === 'accepted') return json(202, { id: result.id, status: 'pending' });
	if (result.kind === 'invalid') {
		const fields = Object.fromEntries(
			Object.entries(result.errors).map(([field, key]) => [field, t(`questions:errors.${key}`, { max: TEXT_LIMITS[field as keyof typeof TEXT_LIMITS] ?? 0 })])
		);
		return json(400, { error: 'invalid', message: t('questions:errors.summary'), fields });
	}
	return refusalResponse(t, result);
}

/** `POST` / `DELETE /api/questions/{id}/vote`: this browser's vote, by its signed cookie. */
export async function voteResponse(event: RequestEvent, id: string, hasVoted: boolean): Promise<Response> {
	const t = await translatorFor(languageOf(event.request));
	if (isCrossSite(event.request, event.url)) return json(403, { error: 'cross-site', message: t('questions:errors.crossSite') });
	const result = await castVote(event.locals.store, event, id, hasVoted);
	if (result.kind === 'counted') return json(200, { id, votes: result.votes, voted: result.hasVoted });
	return refusalResponse(t, result);
}

/** `GET /api/questions/votes`: the public questions this browser voted for. */
export async function myVotesResponse({ cookies, locals }: RequestEvent): Promise<Response> {
	return json(200, { ids: await votesOfViewer(locals.store, cookies) });
}

/** `PATCH /api/questions/{id}`: an organizer moderates. */
export async function moderateResponse(event: RequestEvent, id: string): Promise<Response> {
	const organizer = await bearerOrganizer(event);
	if (!organizer) return unauthorized(organizer);
	const body = await readJson(event.request);
	if (!body.ok) return body.response;
	const change = parseModeration(body.value);
	if (!change) {
		return json(400, { error: 'invalid', message: 'Send { "status"?: "approved" | "rejected" | "answered", "onScreen"?: boolean }, at least one.' });
	}
	const outcome = await event.locals.store.questions.moderate(id, change, { id: organizer.id, email: organizer.email });
	if (outcome.kind === 'not-found') return json(404, { error: 'not-found', message: 'No question has this id.' });
	if (outcome.kind === 'not-public') return json(409, { error: 'not-public', message: 'Only an approved or answered question can be on screen.' });
	return json(200, outcome.question);
}

/** `PUT /api/questions/open`: an organizer opens or closes the Q&A. */
export async function setOpenResponse(event: RequestEvent): Promise<Response> {
	const organizer = await bearerOrganizer(event);
	if (!organizer) return unauthorized(organizer);
	const body = await readJson(event.request);
	if (!body.ok) return body.response;
	const open = (body.value as { open?: unknown } | null)?.open;
	if (typeof open !== 'boolean') return json(400, { error: 'invalid', message: 'Send { "open": true } or { "open": false }.' });
	await event.locals.store.questions.setOpen(open, { id: organizer.id, email: organizer.email });
	return json(200, { open });
}
