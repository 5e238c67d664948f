import type { Pledge } from '$lib/pledges/types';
import { followStream, type FollowOptions, type LiveStatus } from './follow';

export type { LiveStatus };

/** What the counter shows: the stream's `count` event, or `GET /api/pledges` when polling. */
export interface LiveCount {
	count: number;
	updatedAt: string;
	latest: Pledge[];
}

export function parseLiveCount(value: unknown): LiveCount | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { count, updatedAt, latest, pledges } = value as Record<string, unknown>;
	if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return undefined;
	const list = Array.isArray(latest) ? latest : Array.isArray(pledges) ? pledges : [];
	return { count, updatedAt: typeof updatedAt === 'string' ? updatedAt : '', latest: list as Pledge[] };
}

/** Follows the pledge count: the stream's `count` event, else polling `GET /api/pledges`. */
export function followPledgeCount(
	onCount: (live: LiveCount) => void,
	onStatus: (status: LiveStatus) => void,
	{ pollUrl = '/api/pledges?limit=5', ...options }: FollowOptions & { pollUrl?: string } = {}
): () => void {
	return followStream({ event: 'count', pollUrl, parse: parseLiveCount }, onCount, onStatus, options);
}
