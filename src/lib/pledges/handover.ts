import type { EventFacts } from '$lib/event/types';
import { dayInZone } from '$lib/i18n/format';

/**
 * Whether a pledge was handed over at the event: recorded by the end of the event's day, in the
 * event's time zone. One recorded later was recorded on the platform the site became, not handed over there.
 */
export function isHandedOverAtEvent(createdAt: Date, event: Pick<EventFacts, 'start' | 'timeZone'>): boolean {
	// YYYY-MM-DD days compare as text.
	return dayInZone(createdAt, event.timeZone) <= dayInZone(new Date(event.start), event.timeZone);
}
