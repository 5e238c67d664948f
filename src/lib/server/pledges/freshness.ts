import { env } from '$env/dynamic/private';
import { event } from '$lib/event/event';
import { DEFAULT_STALE_AFTER_MONTHS, recentSince } from '$lib/pledges/freshness';

/** Months without a progress report after which a pledge is marked "no recent report" (`STALE_REPORT_MONTHS`). */
export function staleAfterMonths(): number {
	const months = Number(env.STALE_REPORT_MONTHS);
	return Number.isInteger(months) && months > 0 ? months : DEFAULT_STALE_AFTER_MONTHS;
}

let remembered: { minute: number; months: number; since: string } | undefined;

/**
 * The first instant of the period in which a report is recent, in the event's zone, at `now`. Asked by every
 * request for a kept page (it is part of their keys): worked out once a minute, since a zone's days begin on a
 * whole minute (offsets are whole minutes), so every instant of one minute has the same answer.
 */
export function recentReportsSince(now = new Date()): string {
	const minute = Math.floor(now.getTime() / 60_000);
	const months = staleAfterMonths();
	if (remembered?.minute !== minute || remembered.months !== months) remembered = { minute, months, since: recentSince(now, months, event.timeZone) };
	return remembered.since;
}
