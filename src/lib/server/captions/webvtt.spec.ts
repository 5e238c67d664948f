import { describe, expect, it } from 'vitest';
import { event } from '$lib/event/event';
import { transcriptBySegment } from './transcript';
import type { CaptionLine } from './types';
import { toWebVtt, vttTimestamp } from './webvtt';

const start = event.start.getTime();
const line = (id: string, text: string, startedSeconds: number, finalSeconds: number): CaptionLine => ({
	seq: 0,
	id,
	lang: 'en',
	text,
	isFinal: true,
	isHidden: false,
	startedAt: new Date(start + startedSeconds * 1_000).toISOString(),
	at: new Date(start + finalSeconds * 1_000).toISOString()
});

describe('the transcript as WebVTT', () => {
	it('writes cue timings from the stream’s start', () => {
		expect(vttTimestamp(0)).toBe('00:00:00.000');
		expect(vttTimestamp(3_723_045)).toBe('01:02:03.045');
	});

	it('gives each final line a cue from when it began, ended by the next line, at least a second long, its text escaped', () => {
		const vtt = toWebVtt([line('a', 'Good afternoon & welcome', 5, 9), line('b', 'A <b>', 7, 7.2), line('c', 'Next', 20, 20)], event.start);
		expect(vtt).toBe(
			['WEBVTT', '', '1', '00:00:05.000 --> 00:00:07.000', 'Good afternoon &amp; welcome', '', '2', '00:00:07.000 --> 00:00:08.000', 'A &lt;b&gt;', '', '3', '00:00:20.000 --> 00:00:21.000', 'Next', ''].join('\n')
		);
	});
});

describe('the transcript by segment', () => {
	it('puts each line under the segment on when it began, early lines under the first and late ones under the last', () => {
		const [first, second, last] = [event.segments[0], event.segments[1], event.segments.at(-1)!];
		const at = (instant: Date, seconds: number) => (instant.getTime() - start) / 1_000 + seconds;
		const lines = [line('early', 'Early', -60, -59), line('one', 'One', at(first.start, 1), at(first.start, 2)), line('two', 'Two', at(second.start, 1), at(second.start, 2)), line('late', 'Late', at(last.end, 60), at(last.end, 61))];
		const parts = transcriptBySegment(lines, event.segments);
		expect(parts.map((part) => [part.segment.id, part.lines.map((held) => held.id)])).toEqual([
			[first.id, ['early', 'one']],
			[second.id, ['two']],
			[last.id, ['late']]
		]);
	});
});
