import { applyChange, byId, parseListChange, QUESTION_EVENTS } from '$lib/questions/list-changes';
import { byAge, byVotesThenAge } from '$lib/questions/ranking';
import { QUESTION_STATUSES, type ModerationQueue, type Question } from '$lib/questions/types';
import { safeJson } from './follow';
import { connectStream } from './shared-source';

/** The live stream's moderation topic at the console's own path, where its session cookie goes; for a signed-in organizer only. */
export const MODERATION_STREAM_URL = '/organizers/questions/stream';

/** The queue as the stream keeps it: the `moderation` snapshot's version, which its changes follow. */
export type VersionedQueue = ModerationQueue & { version?: number };

/** The stream's `moderation` data, if it has the shape the console shows (the server wrote it; a proxy may not have). */
export function parseModerationQueue(value: unknown): VersionedQueue | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { open, groups, version } = value as Partial<VersionedQueue>;
	if (typeof open !== 'boolean' || groups === null || typeof groups !== 'object') return undefined;
	if (!QUESTION_STATUSES.every((status) => Array.isArray(groups[status]))) return undefined;
	return Number.isSafeInteger(version) ? { open, groups, version } : { open, groups };
}

// The server checked what it sends the console; a question is recognised by its id and status.
const parseQuestion = (value: unknown) =>
	value !== null && typeof value === 'object' && typeof (value as Question).id === 'string' && QUESTION_STATUSES.includes((value as Question).status) ? (value as Question) : undefined;

/** The queue after one of the stream's `moderation-delta` changes; undefined when it is not the next version. */
export function applyModerationChange(queue: VersionedQueue, data: unknown): VersionedQueue | undefined {
	const change = parseListChange(data, parseQuestion);
	if (!change || queue.version === undefined) return undefined;
	const items = byId(QUESTION_STATUSES.flatMap((status) => queue.groups[status]));
	const next = applyChange({ version: queue.version, open: queue.open, items }, change);
	if (!next) return undefined;
	const all = [...next.items.values()];
	const groups = Object.fromEntries(QUESTION_STATUSES.map((status) => [status, all.filter((q) => q.status === status).sort(status === 'pending' ? byAge : byVotesThenAge)]));
	return { open: next.open, groups: groups as ModerationQueue['groups'], version: next.version };
}

/**
 * Follows the moderation queue: a `moderation` snapshot, then `moderation-delta` changes (a gap asks
 * for a new snapshot). The browser reconnects by itself; without the stream the console stays as
 * the server rendered it (its forms still work). Returns the function that stops following.
 */
export function followModeration(onQueue: (queue: ModerationQueue) => void): () => void {
	const connection = connectStream(MODERATION_STREAM_URL);
	let current: VersionedQueue | undefined;
	connection.on(QUESTION_EVENTS.moderation, (message) => {
		const queue = parseModerationQueue(safeJson(message.data));
		if (!queue) return;
		current = queue;
		onQueue(queue);
	});
	connection.on(QUESTION_EVENTS.moderationChanges, (message) => {
		const next = current && applyModerationChange(current, safeJson(message.data));
		if (!next) {
			current = undefined;
			connection.resync();
			return;
		}
		current = next;
		onQueue(next);
	});
	return () => connection.release();
}
