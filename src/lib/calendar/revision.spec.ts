import { describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { currentRevision, revisions, scheduleFingerprint } from './revision';

describe('the calendar revision', () => {
	it('describes the schedule as it is now (add a revision when the time or place changes)', () => {
		expect(currentRevision().fingerprint).toBe(scheduleFingerprint({ start: event.start, end: event.end, geo: event.venue.geo }));
	});

	it('counts up by one and never goes back in time', () => {
		revisions.forEach((revision, index) => {
			expect(revision.sequence).toBe(index);
			if (index > 0) expect(revision.stamp.getTime()).toBeGreaterThan(revisions[index - 1].stamp.getTime());
		});
	});

	it('notices a moved session', () => {
		const moved = { start: new Date(event.start.getTime() + 60 * 60_000), end: event.end, geo: event.venue.geo };
		expect(scheduleFingerprint(moved)).not.toBe(currentRevision().fingerprint);
	});
});
