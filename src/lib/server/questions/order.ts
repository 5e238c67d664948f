import type { Question, QuestionStatus } from '../../questions/types.ts';

/** The asking order: most votes first, then oldest first (records come oldest first, and the sort is stable). */
export function inAskingOrder<T extends Pick<Question, 'votes'>>(questions: readonly T[]): T[] {
	return [...questions].sort((a, b) => b.votes - a.votes);
}

/** Organizers take pending questions as they came; the others they see as the public does. */
export function inListOrder(status: QuestionStatus, questions: readonly Question[]): Question[] {
	return status === 'pending' ? [...questions] : inAskingOrder(questions);
}
