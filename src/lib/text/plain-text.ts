import * as v from 'valibot';

/**
 * The rules for plain text the public or organizers type (pledges, questions): NFC, trimmed,
 * no markup, no control or bidirectional-override characters. Messages are error keys, translated
 * where they are shown.
 */
export type TextErrorKey = 'type' | 'required' | 'tooLong' | 'markup' | 'control' | 'encoding';

// Anything a browser could read as a tag, comment or processing instruction: `<b`, `</`, `<!`, `<?`.
export const MARKUP = /<\s*[/!?a-zA-Z]/;
// C0 and C1 controls (except the line breaks and tabs a description may hold), line/paragraph separators, bidi overrides and isolates.
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

// Something a reader can see: not only spaces and characters that render as nothing (U+200B, U+2060, U+3164…).
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}]/u;

export const normalize = (value: string) => value.normalize('NFC').trim();
// A lone UTF-16 surrogate cannot be stored: SQLite would silently turn it into U+FFFD.
const wellFormed = () => v.check((value: string) => value.isWellFormed(), 'encoding' satisfies TextErrorKey);
const toSingleLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ');
const toLineBreaks = (value: string) => value.replace(/\r\n?/g, '\n');

export const requiredText = (max: number) =>
	v.pipe(
		v.optional(v.string('type' satisfies TextErrorKey), ''),
		wellFormed(),
		v.transform((value) => toSingleLine(normalize(value))),
		v.nonEmpty('required' satisfies TextErrorKey),
		v.check((value) => VISIBLE.test(value), 'required' satisfies TextErrorKey),
		v.maxLength(max, 'tooLong' satisfies TextErrorKey),
		v.check((value) => !MARKUP.test(value), 'markup' satisfies TextErrorKey),
		v.check((value) => !CONTROL.test(value), 'control' satisfies TextErrorKey)
	);

/** Absent, null and blank all mean "not given". */
export const optionalText = (max: number, lines: 'single' | 'multi' = 'single') =>
	v.pipe(
		v.optional(v.nullable(v.string('type' satisfies TextErrorKey))),
		v.transform((value): string => value ?? ''),
		wellFormed(),
		v.transform(normalize),
		v.transform((value) => (lines === 'single' ? toSingleLine(value) : toLineBreaks(value))),
		v.maxLength(max, 'tooLong' satisfies TextErrorKey),
		v.check((value) => !MARKUP.test(value), 'markup' satisfies TextErrorKey),
		v.check((value) => !CONTROL.test(value), 'control' satisfies TextErrorKey)
	);

/** The first problem with each field of a failed parse, by field name (`body` for the whole). */
export function firstIssues<Field extends string, Key extends string>(issues: readonly v.BaseIssue<unknown>[]): Partial<Record<Field | 'body', Key>> {
	const errors: Partial<Record<Field | 'body', Key>> = {};
	for (const issue of issues) {
		const field = (issue.path?.[0]?.key as Field | undefined) ?? 'body';
		errors[field] ??= issue.message as Key;
	}
	return errors;
}
