import { dayInZone, isoInZone } from '$lib/i18n/format';
import type { Pledge } from './types';

/** What the list may ask of a pledge's reports (`?report=`): a report in the period, or none. */
export const REPORT_FILTERS = ['recent', 'stale'] as const;
export type ReportFilter = (typeof REPORT_FILTERS)[number];

export const isReportFilter = (value: unknown): value is ReportFilter => REPORT_FILTERS.includes(value as ReportFilter);

/** The default period without a report after which a pledge is marked "no recent report". */
export const DEFAULT_STALE_AFTER_MONTHS = 12;

/**
 * The first instant that still counts as recent: the start, in the event's zone, of the day `months`
 * calendar months before `now`'s day there (the 31st going back to a shorter month's last day).
 */
export function recentSince(now: Date, months: number, timeZone: string): string {
	const [year, month, day] = dayInZone(now, timeZone).split('-').map(Number);
	const target = new Date(Date.UTC(year, month - 1 - months, 1));
	const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
	target.setUTCDate(Math.min(day, lastDay));
	const cutoffDay = target.toISOString().slice(0, 10);
	// The zone's offset that day, read at noon (clocks change at night, never at noon).
	const offset = isoInZone(new Date(`${cutoffDay}T12:00:00Z`), timeZone).slice(19);
	return new Date(`${cutoffDay}T00:00:00${offset}`).toISOString();
}

/** The instant a pledge's freshness is measured from: its last report, else the day it was recorded. */
export const lastSign = (pledge: Pick<Pledge, 'createdAt' | 'lastReportAt'>) => pledge.lastReportAt ?? pledge.createdAt;

/** Whether a pledge has gone without a report since `since` (recentSince's answer): "no recent report". */
export const isStale = (pledge: Pick<Pledge, 'createdAt' | 'lastReportAt'>, since: string) => Date.parse(lastSign(pledge)) < Date.parse(since);
