import type { EventFacts } from '../../event/types.ts';

/** Captioning opens this long before the event's start and closes this long after its end. */
export const CAPTIONING_MARGIN_MINUTES = 30;

const MARGIN_MS = CAPTIONING_MARGIN_MINUTES * 60_000;

/** When captions are taken without an organizer opening them, from the event's instants. */
export function captioningWindow({ start, end }: Pick<EventFacts, 'start' | 'end'>): { opensAt: Date; closesAt: Date } {
	return { opensAt: new Date(start.getTime() - MARGIN_MS), closesAt: new Date(end.getTime() + MARGIN_MS) };
}

export function isInCaptioningWindow(event: Pick<EventFacts, 'start' | 'end'>, now: Date): boolean {
	const { opensAt, closesAt } = captioningWindow(event);
	return now >= opensAt && now <= closesAt;
}
