import type { Segment } from '../../event/types.ts';
import type { CaptionLine } from './types.ts';

export interface SegmentTranscript {
	segment: Segment;
	lines: CaptionLine[];
}

/**
 * The final lines under the agenda's segments, each by the instant it began: a line before the
 * first segment goes with it, one after the last (questions running late) with the last.
 * Segments without a line are left out.
 */
export function transcriptBySegment(lines: readonly CaptionLine[], segments: readonly Segment[]): SegmentTranscript[] {
	const parts = segments.map((segment) => ({ segment, lines: [] as CaptionLine[] }));
	for (const line of lines) {
		const began = new Date(line.startedAt).getTime();
		const index = segments.findLastIndex((segment) => segment.start.getTime() <= began);
		parts[Math.max(0, index)]?.lines.push(line);
	}
	return parts.filter((part) => part.lines.length > 0);
}
