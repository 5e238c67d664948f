import { byAge, byVotesThenAge } from '../../questions/ranking.ts';
import type { Question, QuestionStatus } from '../../questions/types.ts';

/** Organizers take pending questions as they came; the others they see as the public does. */
export function inListOrder(status: QuestionStatus, questions: readonly Question[]): Question[] {
	return [...questions].sort(status === 'pending' ? byAge : byVotesThenAge);
}
