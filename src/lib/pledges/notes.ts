import * as v from 'valibot';
import { event } from '$lib/event/event';
import { dayInZone } from '$lib/i18n/format';
import { firstIssues, optionalText, requiredText, type TextErrorKey } from '$lib/text/plain-text';
import { isWebUrl, LIMITS } from './schema';
import type { NoteInput } from './types';

/**
 * Dated notes organizers add to a pledge as it moves (shown on its public page). Messages are i18n
 * keys in the `pledges` namespace (`pledges:errors.<key>`), like the pledge schema's.
 */
export const NOTE_LIMIT = 1000;

export type NoteField = 'date' | 'text' | 'evidence';
export type NoteErrorKey = TextErrorKey | 'date' | 'future' | 'url';
export type NoteErrors = Partial<Record<NoteField | 'body', NoteErrorKey>>;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `YYYY-MM-DD` names a day of the calendar (not 2026-02-30). */
export function isCalendarDay(value: string): boolean {
	const match = ISO_DAY.exec(value);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today in the event's time zone (New York), as YYYY-MM-DD: the day a note is dated by default. */
export const todayInEventZone = (now = new Date()) => dayInZone(now, event.timeZone);

const noteSchema = (today: string) =>
	v.object(
		{
			date: v.pipe(
				v.optional(v.string('date' satisfies NoteErrorKey), ''),
				v.trim(),
				v.transform((value) => value || today),
				v.check(isCalendarDay, 'date' satisfies NoteErrorKey),
				// ISO days compare as strings.
				v.check((value) => value <= today, 'future' satisfies NoteErrorKey)
			),
			text: requiredText(NOTE_LIMIT),
			// A page that shows the progress (a government's report may give one).
			evidence: v.pipe(optionalText(LIMITS.url), v.check((value) => value === '' || isWebUrl(value), 'url' satisfies NoteErrorKey))
		},
		'type' satisfies NoteErrorKey
	);

export type NoteValidation = { success: true; note: NoteInput } | { success: false; errors: NoteErrors };

/** Validates a progress note: a day no later than `today` (blank means today) and plain text. */
export function validateNote(input: unknown, today = todayInEventZone()): NoteValidation {
	const result = v.safeParse(noteSchema(today), input);
	if (result.success) {
		const { evidence, ...note } = result.output;
		return { success: true, note: evidence ? { ...note, evidence } : note };
	}
	return { success: false, errors: firstIssues<NoteField, NoteErrorKey>(result.issues) };
}

/** The note form's fields in the shape the schema reads. */
export function noteFromForm(form: FormData): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	return { date: text('date'), text: text('text'), ...(form.has('evidence') ? { evidence: text('evidence') } : {}) };
}
