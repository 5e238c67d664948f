import { phaseAt } from '$lib/event/phase';
import type { EventFacts, Segment, Speaker } from '$lib/event/types';
import { eventSpeaker } from './now-speaking';

type Agenda = Pick<EventFacts, 'start' | 'end' | 'segments' | 'speakers'>;

/** What the overlay's lower third says: the agenda's segment on now and the speaker an organizer picked. */
export interface LowerThird {
	/** Only while the event is live and inside a segment. */
	segment?: Segment;
	speaker?: Speaker;
	/** The speaker moderates the segment on now. */
	isModerator: boolean;
}

/** The agenda's segment on at `instant`: none before the start, after the end, or between segments. */
export function segmentOnNow(event: Agenda, instant: Date): Segment | undefined {
	const phase = phaseAt(event, instant);
	return phase.kind === 'live' ? phase.segment : undefined;
}

/**
 * The lower third for a segment on now (segmentOnNow, or the page's clock) and the picked speaker's
 * id. The pick stands whatever the time (the production team rehearses before the start); an id the
 * event no longer knows names nobody.
 */
export function lowerThird(event: Agenda, segment: Segment | undefined, pickedId: string | null): LowerThird {
	const speaker = eventSpeaker(event, pickedId);
	const isModerator = Boolean(speaker && segment?.speakers.some((entry) => entry.speaker === speaker.id && entry.isModerator));
	return { segment, speaker, isModerator };
}
