import { QUESTION_STATUSES, type ModerationQueue, type Question } from '../../questions/types.ts';
import { inListOrder } from './order.ts';
import type { QuestionStore } from './types.ts';

/** Every question the console lists, whatever its status, and whether questions are open. */
export async function readModerationItems(store: QuestionStore): Promise<{ open: boolean; questions: Question[] }> {
	const [open, ...lists] = await Promise.all([store.isOpen(), ...QUESTION_STATUSES.map((status) => store.list(status))]);
	return { open, questions: lists.flat() };
}

/** The console's lists: the questions by status, each in its order (pending oldest first, the others by votes then age). */
export function groupedQueue(open: boolean, questions: readonly Question[]): ModerationQueue {
	const groups = Object.fromEntries(QUESTION_STATUSES.map((status) => [status, inListOrder(status, questions.filter((q) => q.status === status))]));
	return { open, groups: groups as ModerationQueue['groups'] };
}

/** What the console's moderation page shows, read at once: the page's first render and the stream's `moderation` snapshot. */
export async function readModerationQueue(store: QuestionStore): Promise<ModerationQueue> {
	const { open, questions } = await readModerationItems(store);
	return groupedQueue(open, questions);
}
