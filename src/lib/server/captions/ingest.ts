import { event } from '../../event/event.ts';
import type { RateRule } from '../limits/rate-limit.ts';
import type { Store } from '../store/types.ts';
import { validateCaption, type CaptionFieldErrors } from './line-input.ts';
import type { CaptionLine } from './types.ts';
import { isInCaptioningWindow } from './window.ts';

/**
 * Lines a token may post, counted by the store's rate limits (src/lib/server/limits/): a human
 * captioner sends a line every few seconds, a speech-to-text tool a few partial lines a second.
 */
export const CAPTION_RATE = { lines: 50, windowMs: 5_000 } as const;

export const captionRules = (holderId: string): RateRule[] => [{ key: `captions:${holderId}`, limit: CAPTION_RATE.lines, windowMs: CAPTION_RATE.windowMs }];

export type IngestOutcome =
	| { kind: 'stored'; line: CaptionLine }
	| { kind: 'invalid'; errors: CaptionFieldErrors }
	| { kind: 'closed' }
	| { kind: 'limited'; retryAfterMs: number }
	| { kind: 'final-already' };

/**
 * One posted line, by the holder of a captioner's or organizer's token: valid text, inside the
 * captioning window (or opened by an organizer), under the rate; nothing is stored otherwise.
 */
export async function ingestCaption(store: Store, holderId: string, input: unknown, now: Date = new Date()): Promise<IngestOutcome> {
	const validation = validateCaption(input);
	if (!validation.success) return { kind: 'invalid', errors: validation.errors };
	if (!isInCaptioningWindow(event, now) && !(await store.captions.isOpen())) return { kind: 'closed' };
	const decision = await store.limits.take(captionRules(holderId), now.getTime());
	if (!decision.allowed) return { kind: 'limited', retryAfterMs: decision.retryAfterMs };
	return store.captions.post(validation.post, now);
}
