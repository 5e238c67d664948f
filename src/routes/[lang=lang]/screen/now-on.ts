import type { EventFacts, Segment } from '$lib/event/types';

export type NowOn = { kind: 'before' } | { kind: 'segment'; segment: Segment } | { kind: 'after' };

/** What the room screen shows as "now": the agenda segment by the clock (half-open intervals). */
export function nowOn(event: Pick<EventFacts, 'start' | 'end' | 'segments'>, instant: Date): NowOn {
	const now = instant.getTime();
	if (now < event.start.getTime()) return { kind: 'before' };
	if (now >= event.end.getTime()) return { kind: 'after' };
	const segment = event.segments.find((s) => now >= s.start.getTime() && now < s.end.getTime());
	return segment ? { kind: 'segment', segment } : { kind: 'before' };
}
