import { applyChange, byId, parseListChange, QUESTION_EVENTS } from '$lib/questions/list-changes';
import { byVotesThenAge, parsePublicQuestions, parseQuestion } from '$lib/questions/public';
import type { PublicQuestions } from '$lib/questions/types';
import { followStream, type FollowOptions, type LiveStatus } from './follow';

/** The public list after one of the stream's `questions-delta` changes; undefined when it is not the next version. */
export function applyQuestionsChange(state: PublicQuestions, data: unknown): PublicQuestions | undefined {
	const change = parseListChange(data, parseQuestion);
	if (!change || state.version === undefined) return undefined;
	const next = applyChange({ version: state.version, open: state.open, items: byId(state.questions) }, change);
	return next && { ...state, open: next.open, questions: [...next.items.values()].sort(byVotesThenAge), version: next.version };
}

/**
 * Follows the public questions: the stream's `questions` snapshot and its `questions-delta` changes
 * (a gap asks for a new snapshot), else polling `GET /api/questions`.
 */
export function followQuestions(onState: (state: PublicQuestions) => void, onStatus: (status: LiveStatus) => void = () => {}, options: FollowOptions = {}): () => void {
	return followStream(
		{ event: QUESTION_EVENTS.questions, pollUrl: '/api/questions', parse: parsePublicQuestions, changes: { event: QUESTION_EVENTS.questionChanges, apply: applyQuestionsChange } },
		onState,
		onStatus,
		options
	);
}
