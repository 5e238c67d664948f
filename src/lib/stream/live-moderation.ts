import { QUESTION_STATUSES, type ModerationQueue } from '$lib/questions/types';
import { connectStream } from './shared-source';

/** The live stream's moderation topic at the console's own path, where its session cookie goes; for a signed-in organizer only. */
export const MODERATION_STREAM_URL = '/organizers/questions/stream';

/** The stream's `moderation` data, if it has the shape the console shows (the server wrote it; a proxy may not have). */
export function parseModerationQueue(value: unknown): ModerationQueue | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { open, groups } = value as Partial<ModerationQueue>;
	if (typeof open !== 'boolean' || groups === null || typeof groups !== 'object') return undefined;
	return QUESTION_STATUSES.every((status) => Array.isArray(groups[status])) ? { open, groups } : undefined;
}

/**
 * Follows the moderation queue: every update carries the whole queue. The browser reconnects by
 * itself; without the stream the console stays as the server rendered it (its forms still work).
 * Returns the function that stops following.
 */
export function followModeration(onQueue: (queue: ModerationQueue) => void): () => void {
	const connection = connectStream(MODERATION_STREAM_URL);
	connection.on('moderation', (message) => {
		try {
			const queue = parseModerationQueue(JSON.parse(message.data));
			if (queue) onQueue(queue);
		} catch {
			// Not JSON: wait for the next update.
		}
	});
	return () => connection.release();
}
