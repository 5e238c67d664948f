import { event } from '$lib/event/event';
import { eventSpeaker, type PublicSpeaking } from '$lib/speaking/now-speaking';
import type { NowSpeaking } from './types.ts';

/** The stored pick as the public reads it: an id the event's facts no longer name is nobody. */
export function publicSpeaking(stored: NowSpeaking): PublicSpeaking {
	return { speakerId: eventSpeaker(event, stored.speakerId)?.id ?? null, updatedAt: stored.updatedAt };
}
