import type { CaptionLine } from './types.ts';

/** A line as the API and the live stream give it (`final`, as a captioner posts it). */
export const publicLine = ({ seq, id, lang, text, isFinal, startedAt, at }: CaptionLine) => ({ seq, id, lang, text, final: isFinal, startedAt, at });
