import type { PublicQuestion } from './types.ts';

type Ranked = Pick<PublicQuestion, 'votes' | 'createdAt' | 'id'>;

/**
 * Most votes first, then the oldest, then by id: the order of every public list, the same in the
 * store's queries (records' `ranked`), the server's pages and the browser's copy of the list.
 */
export function byVotesThenAge(a: Ranked, b: Ranked): number {
	return b.votes - a.votes || compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

/** Oldest first, then by id: the order in which organizers take pending questions. */
export function byAge(a: Ranked, b: Ranked): number {
	return compareText(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

// Code-unit order, as the store's ISO instants and UUIDs compare on both engines (not the locale's).
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
