import type { ModerationQueue } from '$lib/questions/types';
import type { QuestionStore } from './types';

/** What the console's moderation page shows, read at once: the page's first render and the stream's `moderation` event. */
export async function readModerationQueue(store: QuestionStore): Promise<ModerationQueue> {
	const [open, pending, approved, answered, rejected] = await Promise.all([
		store.isOpen(),
		store.list('pending'),
		store.list('approved'),
		store.list('answered'),
		store.list('rejected')
	]);
	return { open, groups: { pending, approved, answered, rejected } };
}
