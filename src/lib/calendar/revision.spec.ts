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
		const moved = { start: new Date('2022-05-18T18:30:00Z'), end: event.end, geo: event.venue.geo };
		expect(scheduleFingerprint(moved)).not.toBe(currentRevision().fingerprint);
	});
});
