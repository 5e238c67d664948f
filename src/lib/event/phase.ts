import type { EventFacts, Segment } from './types';

/** How long before the start the page switches to "about to start". */
export const SOON_MS = 15 * 60_000;
const MINUTE_MS = 60_000;

export type PhaseKind = 'before' | 'soon' | 'live' | 'after';

export interface Phase {
	kind: PhaseKind;
	/** The segment on now (live only). */
	segment?: Segment;
	/** The segment coming next (before, soon, live; none during the last segment). */
	next?: Segment;
	/** Time left until the start (before and soon only). */
	msUntilStart?: number;
}

type Schedule = Pick<EventFacts, 'start' | 'end' | 'segments'>;

/** The phase of the event at an instant. Intervals are half-open: at the start it is live, at the end it is over. */
export function phaseAt(event: Schedule, instant: Date): Phase {
	const now = instant.getTime();
	const start = event.start.getTime();
	if (now >= event.end.getTime()) return { kind: 'after' };
	if (now < start) {
		return { kind: now < start - SOON_MS ? 'before' : 'soon', next: event.segments[0], msUntilStart: start - now };
	}
	const index = event.segments.findIndex((segment) => now >= segment.start.getTime() && now < segment.end.getTime());
	return { kind: 'live', segment: event.segments[index], next: index >= 0 ? event.segments[index + 1] : undefined };
}

/**
 * The next instant after `instant` at which what the page shows changes: the phase, the segment, or
 * (before the start) the countdown's minute. Undefined once the event is over: nothing changes again.
 */
export function nextChangeAt(event: Schedule, instant: Date): Date | undefined {
	const now = instant.getTime();
	const start = event.start.getTime();
	if (now < start) {
		// The countdown counts whole minutes up to the start, so it changes on the start's minute marks.
		const minutesLeft = Math.ceil((start - now) / MINUTE_MS);
		return new Date(start - (minutesLeft - 1) * MINUTE_MS);
	}
	const boundaries = event.segments.flatMap((segment) => [segment.start.getTime(), segment.end.getTime()]);
	const upcoming = [...boundaries, event.end.getTime()].filter((time) => time > now);
	return upcoming.length ? new Date(Math.min(...upcoming)) : undefined;
}

/**
 * Whether the phase at this instant can never change again (the event is over). Only such a phase
 * may be written into a prerendered page: anything earlier would be stale for later visitors.
 */
export function isSettled(event: Schedule, instant: Date): boolean {
	return instant.getTime() >= event.end.getTime();
}
