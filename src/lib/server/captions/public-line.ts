import type { CaptionLine } from './types.ts';

/**
 * A line as the API and the live stream give it (`final`, as a captioner posts it); a line an
 * organizer hid goes out once more as `hidden`, without its text, for open pages to take it away.
 */
export const publicLine = ({ seq, id, lang, text, isFinal, isHidden, startedAt, at }: CaptionLine) =>
	isHidden ? { seq, id, lang, text: '', final: isFinal, hidden: true, startedAt, at } : { seq, id, lang, text, final: isFinal, startedAt, at };
