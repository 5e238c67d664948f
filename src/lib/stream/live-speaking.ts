import { parsePublicSpeaking, type PublicSpeaking } from '$lib/speaking/now-speaking';
import { followStream, type FollowOptions, type LiveStatus } from './follow';

/** Follows who is speaking: the stream's `speaking` event (asked for by name), else polling `GET /api/speaking`. */
export function followSpeaking(onSpeaking: (speaking: PublicSpeaking) => void, onStatus: (status: LiveStatus) => void = () => {}, options: FollowOptions = {}): () => void {
	return followStream({ event: 'speaking', pollUrl: '/api/speaking', parse: parsePublicSpeaking }, onSpeaking, onStatus, options);
}
