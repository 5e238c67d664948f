import type { CaptionLine } from './types.ts';

/** A cue lasts at least this long, so that a line posted at once as final is still readable. */
const MIN_CUE_MS = 1_000;

/** `hh:mm:ss.ttt` from milliseconds (WebVTT cue timings; hours grow past 99 if they must). */
export function vttTimestamp(ms: number): string {
	const total = Math.max(0, Math.round(ms));
	const pad = (value: number, width = 2) => String(value).padStart(width, '0');
	const hours = Math.floor(total / 3_600_000);
	const minutes = Math.floor(total / 60_000) % 60;
	const seconds = Math.floor(total / 1_000) % 60;
	return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(total % 1_000, 3)}`;
}

// Cue text may not hold `<` or `&` as they are, nor `-->`: escaped, the plain text stays plain.
const escapeCueText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The final lines as a WebVTT file (W3C WebVTT), times relative to `streamStart`: each cue from the
 * instant its line began to when it became final (at least a second), ended early by the next line.
 */
export function toWebVtt(lines: readonly CaptionLine[], streamStart: Date): string {
	const origin = streamStart.getTime();
	const starts = lines.map((line) => new Date(line.startedAt).getTime() - origin);
	const cues = lines.map((line, index) => {
		const start = Math.max(0, starts[index]);
		const next = starts[index + 1];
		let end = Math.max(new Date(line.at).getTime() - origin, start + MIN_CUE_MS);
		if (next !== undefined && next > start) end = Math.min(end, next);
		return `${index + 1}\n${vttTimestamp(start)} --> ${vttTimestamp(Math.max(end, start + 1))}\n${escapeCueText(line.text)}\n`;
	});
	return ['WEBVTT\n', ...cues].join('\n');
}
