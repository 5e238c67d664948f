import type { EventFacts, Speaker } from '$lib/event/types';

/** Who is speaking as the public reads it (`GET /api/speaking`, the stream's `speaking` event). */
export interface PublicSpeaking {
	/** One of the event's speakers' ids; null: nobody picked. */
	speakerId: string | null;
	/** When it was last picked or cleared (ISO 8601). */
	updatedAt: string;
}

/** The event's speaker with this id, if it names one (a stored id outlives a change of the event's document). */
export function eventSpeaker(event: Pick<EventFacts, 'speakers'>, id: string | null | undefined): Speaker | undefined {
	return id ? event.speakers.find((speaker) => speaker.id === id) : undefined;
}

/** The stream's `speaking` event or the API's JSON; undefined when it is not one. */
export function parsePublicSpeaking(value: unknown): PublicSpeaking | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { speakerId, updatedAt } = value as Record<string, unknown>;
	if (speakerId !== null && typeof speakerId !== 'string') return undefined;
	if (typeof updatedAt !== 'string') return undefined;
	return { speakerId, updatedAt };
}
