import { filterFromQuery, type PublicFilter } from '$lib/pledges/filter';
import { MAX_SEARCH_LENGTH } from '$lib/pledges/search';
import { isQueryableText } from '../store/input-rule';
import { decodeCursor } from './cursor';

/** The most pledges one answer of `GET /api/pledges` carries, and what it carries without `limit`. */
export const MAX_LIMIT = 1000;

export type ListQueryProblem = 'invalid-limit' | 'invalid-cursor' | 'invalid-search' | 'search-too-long' | 'invalid-country' | 'invalid-compact' | 'invalid-status' | 'invalid-report';

export interface ListQuery {
	filter: PublicFilter;
	limit: number;
	/** The store's position the page starts after (from `cursor`). */
	after?: number;
}

/**
 * What `GET /api/pledges?limit=&cursor=&q=&country=&compact=&status=&report=` asks for. Unlike the list page, which
 * reads what it cannot use as "all", the API names the parameter it cannot use.
 */
export function readListQuery(params: URLSearchParams): ListQuery | { problem: ListQueryProblem } {
	const limitParam = params.get('limit');
	const limit = limitParam === null ? MAX_LIMIT : Number(limitParam);
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return { problem: 'invalid-limit' };
	const cursor = params.get('cursor');
	const after = cursor === null ? undefined : decodeCursor(cursor);
	if (cursor !== null && after === undefined) return { problem: 'invalid-cursor' };
	if (!isQueryableText(params.get('q') ?? '')) return { problem: 'invalid-search' };
	if ([...(params.get('q') ?? '')].length > MAX_SEARCH_LENGTH) return { problem: 'search-too-long' };
	const filter = filterFromQuery(params);
	if (params.get('country')?.trim() && !filter.country) return { problem: 'invalid-country' };
	if (params.get('compact')?.trim() && !filter.compact) return { problem: 'invalid-compact' };
	if (params.get('status')?.trim() && !filter.status) return { problem: 'invalid-status' };
	if (params.get('report')?.trim() && !filter.report) return { problem: 'invalid-report' };
	return { filter, limit, ...(after === undefined ? {} : { after }) };
}
