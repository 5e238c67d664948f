import { event } from '$lib/event/event';
import type { CalendarRevision } from '$lib/event/types';

export { scheduleFingerprint } from '$lib/event/schedule-fingerprint';

/**
 * The calendar entry's revisions: `calendarRevisions` of the event document. Calendars keep the copy
 * with the highest SEQUENCE, so when the session's time or place changes, add one there (the
 * document's check names the fingerprint to write, and stops the build until then).
 */
export const revisions: readonly CalendarRevision[] = event.calendarRevisions;

export function currentRevision(): CalendarRevision {
	return revisions[revisions.length - 1];
}
