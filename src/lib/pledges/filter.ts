import type { Compact, PledgeFilter, PledgeStatus } from './types';
import { isReportFilter, type ReportFilter } from './freshness';
import { isCountryCode } from './countries';
import { COMPACTS } from './schema';
import { MAX_SEARCH_LENGTH } from './search';
import { isStatus } from './status';

export interface PublicFilter {
	country?: string;
	compact?: Compact;
	/** Words to find, at most MAX_SEARCH_LENGTH characters. */
	q?: string;
	status?: PledgeStatus;
	/** Pledges with a recent progress report, or without (src/lib/pledges/freshness.ts). */
	report?: ReportFilter;
}

/** The public list's filter from its query string; unknown values mean "all", a long search is cut. */
export function filterFromQuery(params: URLSearchParams): PublicFilter {
	const country = params.get('country')?.trim().toUpperCase();
	const compact = params.get('compact')?.trim().toUpperCase() as Compact | undefined;
	const q = [...(params.get('q') ?? '')].slice(0, MAX_SEARCH_LENGTH).join('').trim();
	const status = params.get('status')?.trim();
	const report = params.get('report')?.trim();
	return {
		...(country && isCountryCode(country) ? { country } : {}),
		...(compact && COMPACTS.includes(compact) ? { compact } : {}),
		...(q ? { q } : {}),
		...(isStatus(status) ? { status } : {}),
		...(isReportFilter(report) ? { report } : {})
	};
}

/** The store's filter for a public one: "recent" means a report (or the pledge itself) since `recentSince`. */
export function storeFilter({ report, ...filter }: PublicFilter, recentSince: string): PledgeFilter {
	return { ...filter, ...(report ? { report: { filter: report, since: recentSince } } : {}) };
}

/** The query string (with its `?`, or empty) that asks for this filter, and for a page of it with `cursor`. */
export function filterQuery(filter: PublicFilter, cursor?: string): string {
	const params = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
	if (cursor) params.set('cursor', cursor);
	const query = params.toString();
	return query ? `?${query}` : '';
}
