import type { RequestEvent } from '@sveltejs/kit';
import { event as eventFacts } from '$lib/event/event';
import { apiError } from '$lib/server/http/api-error';
import { guardedOrganizer } from '$lib/server/http/api-guard';
import { readJsonBody } from '$lib/server/http/body';
import { json } from '$lib/server/http/json';
import { PUBLIC_READ_HEADERS } from '$lib/server/http/public-read';
import { speakerChoice } from './choice.ts';
import { publicSpeaking } from './public.ts';

/** `{ "speakerId": "…" }` and no more: anything far larger is refused before parsing. */
const MAX_BODY_BYTES = 1024;

/** `GET /api/speaking`: who is speaking now (the overlay's fallback when its stream fails); any site may read it. */
export async function speakingResponse(event: RequestEvent): Promise<Response> {
	return json(200, publicSpeaking(await event.locals.store.speaking.current()), PUBLIC_READ_HEADERS);
}

/** `PUT /api/speaking`: an organizer (bearer token, checked by the guard) picks who is speaking, or nobody; audited. */
export async function setSpeakingResponse(event: RequestEvent): Promise<Response> {
	const organizer = guardedOrganizer(event.locals);
	const body = await readJsonBody(event.request, MAX_BODY_BYTES);
	if (!body.ok) return body.response;
	const value = body.value;
	const choice = value !== null && typeof value === 'object' && 'speakerId' in value ? speakerChoice(value.speakerId) : { isValid: false as const };
	if (!choice.isValid) {
		const speakers = eventFacts.speakers.map((speaker) => speaker.id).join(', ');
		return apiError(event.request, 400, 'invalid', 'broadcast:apiErrors.speaker', { values: { speakers }, body: value });
	}
	await event.locals.store.speaking.set(choice.speakerId, { id: organizer.id, email: organizer.email });
	return json(200, publicSpeaking(await event.locals.store.speaking.current()));
}
