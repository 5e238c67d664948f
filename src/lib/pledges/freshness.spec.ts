import { describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { isoInZone } from '$lib/i18n/format';
import { isReportFilter, isStale, recentSince } from './freshness';

// The clock is given: these are instants in the event's zone, built from its offset at each date.
const inZone = (day: string, time: string) => {
	const offset = isoInZone(new Date(`${day}T12:00:00Z`), event.timeZone).slice(19);
	return new Date(`${day}T${time}${offset}`);
};

describe('a pledge’s freshness', () => {
	it('counts as recent whatever was reported since the same day twelve months before, in the event’s zone', () => {
		const now = inZone('2026-03-10', '00:30:00');
		expect(recentSince(now, 12, event.timeZone)).toBe(inZone('2025-03-10', '00:00:00').toISOString());
	});

	it('takes the day in the event’s zone, not in UTC, at an hour when the two differ', () => {
		const lateEvening = inZone('2026-03-10', '23:30:00');
		expect(lateEvening.toISOString().slice(0, 10)).not.toBe('2026-03-10');
		expect(recentSince(lateEvening, 12, event.timeZone)).toBe(inZone('2025-03-10', '00:00:00').toISOString());
	});

	it('goes back to a shorter month’s last day from the 31st', () => {
		expect(recentSince(inZone('2026-03-31', '12:00:00'), 1, event.timeZone)).toBe(inZone('2026-02-28', '00:00:00').toISOString());
	});

	it('marks a pledge stale from its last report, or from when it was recorded if it has none', () => {
		const since = recentSince(inZone('2026-03-10', '12:00:00'), 12, event.timeZone);
		const longAgo = inZone('2025-03-09', '23:59:00').toISOString();
		const justIn = inZone('2025-03-10', '00:00:00').toISOString();
		expect(isStale({ createdAt: longAgo }, since)).toBe(true);
		expect(isStale({ createdAt: justIn }, since)).toBe(false);
		expect(isStale({ createdAt: longAgo, lastReportAt: justIn }, since)).toBe(false);
		expect(isStale({ createdAt: longAgo, lastReportAt: longAgo }, since)).toBe(true);
	});

	it('knows the list’s two report filters and nothing else', () => {
		expect(['recent', 'stale'].every(isReportFilter)).toBe(true);
		expect(['', 'old', 'RECENT', undefined].some(isReportFilter)).toBe(false);
	});
});
