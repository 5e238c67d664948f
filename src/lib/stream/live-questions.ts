import { parsePublicQuestions } from '$lib/questions/public';
import type { PublicQuestions } from '$lib/questions/types';
import { followStream, type FollowOptions, type LiveStatus } from './follow';

/** Follows the public questions: the stream's `questions` event, else polling `GET /api/questions`. */
export function followQuestions(onState: (state: PublicQuestions) => void, onStatus: (status: LiveStatus) => void = () => {}, options: FollowOptions = {}): () => void {
	return followStream({ event: 'questions', pollUrl: '/api/questions', parse: parsePublicQuestions }, onState, onStatus, options);
}
