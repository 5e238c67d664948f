import { event } from '$lib/event/event';
import type { Segment } from '$lib/event/types';

/**
 * Instants a test names by their place in the event ("ten minutes before the start"), computed from
 * the event's facts so that moving the event moves the tests with it.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** `instant` moved by `ms` (negative: earlier). */
export const shifted = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

export function segment(id: string): Segment {
	const found = event.segments.find((candidate) => candidate.id === id);
	if (!found) throw new Error(`The event has no segment ${id}`);
	return found;
}

/** The instants the live pages are tried at, one in each phase and in each segment. */
export const MOMENTS = {
	twoDaysBefore: shifted(event.start, -2 * DAY),
	tenMinutesBefore: shifted(event.start, -10 * MINUTE),
	duringTheWelcome: shifted(segment('welcome').start, 5 * MINUTE),
	duringThePanel: shifted(segment('panel').start, 20 * MINUTE),
	duringTheHandover: shifted(segment('handover').start, 5 * MINUTE),
	afterTheEnd: shifted(event.end, 15 * MINUTE)
};
