import { QUESTION_EVENTS } from '../../questions/list-changes.ts';
import type { PublicQuestion, Question } from '../../questions/types.ts';
import { ListFeed } from '../stream/list-feed.ts';
import type { StreamTopic } from '../stream/stream-hub.ts';
import { groupedQueue, readModerationItems } from './moderation-queue.ts';
import type { QuestionStore } from './types.ts';


/**
 * The public questions on the stream: the bounded top of the list (`size` per status, and the one on
 * screen) as a `questions` snapshot, then `questions-delta` changes. A change no viewer can see (a
 * question asked, waiting for moderation) sends nothing. Coalesced: a burst of votes makes at most
 * four changes a second, each carrying the counts that moved; a lone approval still leaves at once.
 */
export function publicQuestionsTopic(store: QuestionStore, size: () => number): StreamTopic {
	const feed = new ListFeed<PublicQuestion>(({ open, items }) => ({ open, questions: [...items.values()] }));
	return {
		event: QUESTION_EVENTS.questions,
		changeEvent: QUESTION_EVENTS.questionChanges,
		changes: store.changes,
		coalesceMs: 250,
		read: async () => {
			const { open, questions, nextCursor, answeredCursor } = await store.publicState(size());
			return feed.next(open, questions, { nextCursor, answeredCursor });
		}
	};
}

/** The console's queue, every status, for signed-in organizers only: a `moderation` snapshot, then `moderation-delta` changes. */
export function moderationTopic(store: QuestionStore): StreamTopic {
	const feed = new ListFeed<Question>(({ open, items }) => groupedQueue(open, [...items.values()]));
	return {
		event: QUESTION_EVENTS.moderation,
		changeEvent: QUESTION_EVENTS.moderationChanges,
		changes: store.changes,
		coalesceMs: 200,
		audience: 'organizers',
		read: async () => {
			const { open, questions } = await readModerationItems(store);
			return feed.next(open, questions);
		}
	};
}
