import { event } from '$lib/event/event';
import { eventSpeaker } from '$lib/speaking/now-speaking';

/** What the console's form or the API sent: one of the event's speakers' ids, or nobody (null, or an empty choice). */
export type SpeakerChoice = { isValid: true; speakerId: string | null } | { isValid: false };

/** The console's choice (a form field: '' for nobody) or the API's (`speakerId`: a string or null), checked against the event's people. */
export function speakerChoice(value: unknown): SpeakerChoice {
	if (value === null || value === '') return { isValid: true, speakerId: null };
	if (typeof value !== 'string') return { isValid: false };
	const speaker = eventSpeaker(event, value);
	return speaker ? { isValid: true, speakerId: speaker.id } : { isValid: false };
}

