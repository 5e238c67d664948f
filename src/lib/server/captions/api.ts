import type { RequestEvent } from '@sveltejs/kit';
import { isLanguage, LANGUAGES } from '$lib/i18n/languages';
import { apiError } from '$lib/server/http/api-error';
import { guardedOrganizer } from '$lib/server/http/api-guard';
import { readJsonBody } from '$lib/server/http/body';
import { invalidFieldsResponse } from '$lib/server/http/field-errors';
import { json, jsonError } from '$lib/server/http/json';
import { apiTranslator } from '$lib/server/http/language';
import { PUBLIC_READ_HEADERS } from '$lib/server/http/public-read';
import { retryAfterSeconds } from '$lib/server/limits/rate-limit';
import { ingestCaption } from './ingest';
import { CAPTION_TEXT_LIMITS, validateCorrection } from './line-input';
import { publicLine } from './public-line';
import { captioningState } from './state';
import { CAPTIONING_MARGIN_MINUTES } from './window';

/** A line is at most 500 characters; anything far larger is refused before parsing. */
const MAX_BODY_BYTES = 4 * 1024;


/** `POST /api/captions`: a captioner's (or organizer's) line; the guard has checked the token. */
export async function postCaptionResponse(event: RequestEvent): Promise<Response> {
	const holder = event.locals.captioner ?? guardedOrganizer(event.locals);
	const body = await readJsonBody(event.request, MAX_BODY_BYTES);
	if (!body.ok) return body.response;
	const outcome = await ingestCaption(event.locals.store, holder.id, body.value);
	if (outcome.kind === 'stored') return json(200, publicLine(outcome.line));
	const t = await apiTranslator(event.request, body.value);
	switch (outcome.kind) {
		case 'invalid':
			return invalidFieldsResponse(t, 'captions', outcome.errors, CAPTION_TEXT_LIMITS);
		case 'closed':
			return jsonError(403, 'closed', t('captions:apiErrors.closed', { minutes: CAPTIONING_MARGIN_MINUTES }));
		case 'limited': {
			const seconds = retryAfterSeconds(outcome.retryAfterMs);
			return jsonError(429, 'limited', t('captions:apiErrors.limited', { seconds }), { 'retry-after': String(seconds) });
		}
		case 'final-already':
			return jsonError(409, 'final-already', t('captions:apiErrors.finalAlready'));
	}
}

/** `PUT /api/captions/open`: an organizer opens captioning outside its window (or takes that back); audited. */
export async function setCaptionsOpenResponse(event: RequestEvent): Promise<Response> {
	const organizer = guardedOrganizer(event.locals);
	const body = await readJsonBody(event.request, MAX_BODY_BYTES);
	if (!body.ok) return body.response;
	const open = (body.value as { open?: unknown } | null)?.open;
	if (typeof open !== 'boolean') return apiError(event.request, 400, 'invalid', 'captions:apiErrors.invalidOpen', { body: body.value });
	await event.locals.store.captions.setOpen(open, { id: organizer.id, email: organizer.email });
	return json(200, await captioningState(event.locals.store.captions));
}

/** `GET /api/captions?lang=`: the transcript so far in that language (final lines, as organizers left them). */
export async function transcriptResponse(event: RequestEvent): Promise<Response> {
	const lang = event.url.searchParams.get('lang') ?? '';
	if (!isLanguage(lang)) return apiError(event.request, 400, 'invalid-lang', 'captions:errors.lang', { values: { languages: LANGUAGES.join(', ') } });
	const lines = await event.locals.store.captions.transcript(lang);
	return json(200, { lang, lines: lines.map(publicLine) }, PUBLIC_READ_HEADERS);
}

/** `GET /api/captions/open`: whether captions are taken now, and the window from the event's data. */
export async function captionsOpenResponse(event: RequestEvent): Promise<Response> {
	return json(200, await captioningState(event.locals.store.captions));
}

/** `PATCH /api/captions/{lang}/{id}`: an organizer corrects a final line's `text` or sets `hidden`; audited. */
export async function correctCaptionResponse(event: RequestEvent, lang: string, id: string): Promise<Response> {
	const organizer = guardedOrganizer(event.locals);
	const body = await readJsonBody(event.request, MAX_BODY_BYTES);
	if (!body.ok) return body.response;
	const correction = validateCorrection(body.value);
	const t = await apiTranslator(event.request);
	if (!correction.success) return invalidFieldsResponse(t, 'captions', correction.errors, CAPTION_TEXT_LIMITS);
	if (!isLanguage(lang)) return apiError(event.request, 404, 'not-found', 'captions:apiErrors.notFound');
	const outcome = await event.locals.store.captions.correct(lang, id, correction.correction, { id: organizer.id, email: organizer.email });
	if (outcome === 'not-found') return apiError(event.request, 404, 'not-found', 'captions:apiErrors.notFound');
	if (outcome === 'not-final') return apiError(event.request, 409, 'not-final', 'captions:apiErrors.notFinal');
	return json(200, { lang, id, ...correction.correction });
}
