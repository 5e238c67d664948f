import { env } from '$env/dynamic/private';
import { event } from '$lib/event/event';
import { DEFAULT_STALE_AFTER_MONTHS, recentSince } from '$lib/pledges/freshness';

/** Months without a progress report after which a pledge is marked "no recent report" (`STALE_REPORT_MONTHS`). */
export function staleAfterMonths(): number {
	const months = Number(env.STALE_REPORT_MONTHS);
	return Number.isInteger(months) && months > 0 ? months : DEFAULT_STALE_AFTER_MONTHS;
}

/** The first instant of the period in which a report is recent, in the event's zone, at `now`. */
export const recentReportsSince = (now = new Date()) => recentSince(now, staleAfterMonths(), event.timeZone);
