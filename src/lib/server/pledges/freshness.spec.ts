import { describe, expect, it, vi } from 'vitest';
import { event } from '$lib/event/event';
import { isoInZone } from '$lib/i18n/format';
import { recentSince } from '$lib/pledges/freshness';
import { recentReportsSince, staleAfterMonths } from './freshness';

// Instants in the event's zone, built from its offset at each date.
const inZone = (day: string, time: string) => {
	const offset = isoInZone(new Date(`${day}T12:00:00Z`), event.timeZone).slice(19);
	return new Date(`${day}T${time}${offset}`);
};

describe('the start of the recent period, as every kept page’s key reads it', () => {
	it('is the same answer as worked out afresh, on either side of midnight in the event’s zone', () => {
		for (const time of ['23:59:00', '23:59:59', '00:00:00', '00:00:30']) {
			const now = inZone(time.startsWith('23') ? '2026-03-10' : '2026-03-11', time);
			expect(recentReportsSince(now), time).toBe(recentSince(now, staleAfterMonths(), event.timeZone));
		}
	});

	it('moves with the clock: a day later, another answer', () => {
		vi.useFakeTimers({ now: inZone('2026-03-10', '12:00:00') });
		try {
			const today = recentReportsSince();
			vi.setSystemTime(inZone('2026-03-11', '12:00:00'));
			expect(recentReportsSince()).not.toBe(today);
			expect(recentReportsSince()).toBe(recentSince(new Date(), staleAfterMonths(), event.timeZone));
		} finally {
			vi.useRealTimers();
		}
	});
});
