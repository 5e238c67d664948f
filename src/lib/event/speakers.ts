import { event } from './event';
import type { Segment, Speaker } from './types';

export function speakerById(id: string): Speaker {
	const speaker = event.speakers.find((s) => s.id === id);
	if (!speaker) throw new Error(`Unknown speaker ${id}`);
	return speaker;
}

/** Speakers in order of first appearance, with whether they moderate. */
export function speakersInOrder(segments: Segment[] = event.segments): { speaker: Speaker; isModerator: boolean }[] {
	const seen = new Map<string, boolean>();
	for (const segment of segments) {
		for (const entry of segment.speakers) seen.set(entry.speaker, (seen.get(entry.speaker) ?? false) || !!entry.isModerator);
	}
	return [...seen].map(([id, isModerator]) => ({ speaker: speakerById(id), isModerator }));
}
