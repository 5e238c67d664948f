import * as v from 'valibot';
import { isLanguage, type Language } from '../../i18n/languages.ts';
import { firstIssues, requiredText, type TextErrorKey } from '../../text/plain-text.ts';
import type { CaptionCorrection, CaptionPost } from './types.ts';

/** A line is what a captioner's software sends at once: the site's plain-text rules, at most this long. */
export const CAPTION_TEXT_LIMITS = { text: 500 } as const;

export type CaptionErrorKey = TextErrorKey | 'lang' | 'id' | 'final';
type CaptionField = 'lang' | 'text' | 'final' | 'id' | 'hidden';
export type CaptionFieldErrors = Partial<Record<CaptionField | 'body', CaptionErrorKey>>;

/** Ids a captioner's software may give its lines (a counter, a UUID, a time code). */
const LINE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const CaptionSchema = v.object(
	{
		lang: v.pipe(v.optional(v.string('lang' satisfies CaptionErrorKey), ''), v.check((value: string) => isLanguage(value), 'lang' satisfies CaptionErrorKey)),
		text: requiredText(CAPTION_TEXT_LIMITS.text),
		final: v.optional(v.boolean('final' satisfies CaptionErrorKey), true),
		id: v.optional(v.pipe(v.string('id' satisfies CaptionErrorKey), v.regex(LINE_ID, 'id' satisfies CaptionErrorKey)))
	},
	'type' satisfies CaptionErrorKey
);

export type CaptionValidation = { success: true; post: CaptionPost } | { success: false; errors: CaptionFieldErrors };

/** `{ lang, text, final?, id? }` (parsed JSON) as a line to store: a line is final unless it says otherwise. */
export function validateCaption(input: unknown): CaptionValidation {
	if (Array.isArray(input)) return { success: false, errors: { body: 'type' } };
	const result = v.safeParse(CaptionSchema, input);
	if (!result.success) return { success: false, errors: firstIssues<CaptionField, CaptionErrorKey>(result.issues) };
	const { lang, text, final, id } = result.output;
	return { success: true, post: { lang: lang as Language, text, isFinal: final, ...(id === undefined ? {} : { id }) } };
}

const CorrectionSchema = v.object(
	{
		text: v.optional(requiredText(CAPTION_TEXT_LIMITS.text)),
		hidden: v.optional(v.boolean('type' satisfies CaptionErrorKey))
	},
	'type' satisfies CaptionErrorKey
);

/** An organizer's `{ text?, hidden? }` for a final line, at least one of them. */
export function validateCorrection(input: unknown): { success: true; correction: CaptionCorrection } | { success: false; errors: CaptionFieldErrors } {
	if (Array.isArray(input)) return { success: false, errors: { body: 'type' } };
	const result = v.safeParse(CorrectionSchema, input);
	if (!result.success) return { success: false, errors: firstIssues<CaptionField, CaptionErrorKey>(result.issues) };
	const { text, hidden } = result.output;
	if (text === undefined && hidden === undefined) return { success: false, errors: { body: 'type' } };
	return { success: true, correction: { ...(text === undefined ? {} : { text }), ...(hidden === undefined ? {} : { isHidden: hidden }) } };
}
