import * as v from 'valibot';
import type { PledgeInput } from './types';
import { isCountryCode } from './countries';

/**
 * The one pledge schema, used by the API, the console forms and the CSV import. Messages are
 * i18n keys in the `pledges` namespace (`pledges:errors.<key>`), translated where they are shown.
 */
export const COMPACTS = ['GCM', 'GCR'] as const;

export const LIMITS = { government: 200, title: 300, description: 2000, url: 500 } as const;

export type PledgeField = 'government' | 'country' | 'title' | 'description' | 'compacts' | 'url';
export type ErrorKey = 'type' | 'required' | 'tooLong' | 'markup' | 'control' | 'encoding' | 'country' | 'compacts' | 'url';
/** The first problem with each field, as an error key. */
export type FieldErrors = Partial<Record<PledgeField | 'body', ErrorKey>>;

// Anything a browser could read as a tag, comment or processing instruction: `<b`, `</`, `<!`, `<?`.
const MARKUP = /<\s*[/!?a-zA-Z]/;
// C0 and C1 controls, except the line breaks and tabs a description may hold.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

// Something a reader can see: not only spaces and characters that render as nothing (U+200B, U+2060, U+3164…).
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}]/u;

const normalize = (value: string) => value.normalize('NFC').trim();
// A lone UTF-16 surrogate cannot be stored: SQLite would silently turn it into U+FFFD.
const wellFormed = () => v.check((value: string) => value.isWellFormed(), 'encoding' satisfies ErrorKey);
const toSingleLine = (value: string) => value.replace(/[\r\n\t]+/g, ' ');
const toLineBreaks = (value: string) => value.replace(/\r\n?/g, '\n');

const requiredText = (max: number) =>
	v.pipe(
		v.optional(v.string('type' satisfies ErrorKey), ''),
		wellFormed(),
		v.transform((value) => toSingleLine(normalize(value))),
		v.nonEmpty('required' satisfies ErrorKey),
		v.check((value) => VISIBLE.test(value), 'required' satisfies ErrorKey),
		v.maxLength(max, 'tooLong' satisfies ErrorKey),
		v.check((value) => !MARKUP.test(value), 'markup' satisfies ErrorKey),
		v.check((value) => !CONTROL.test(value), 'control' satisfies ErrorKey)
	);

/** Absent, null and blank all mean "not given". */
const optionalText = (max: number, lines: 'single' | 'multi' = 'single') =>
	v.pipe(
		v.optional(v.nullable(v.string('type' satisfies ErrorKey))),
		v.transform((value): string => value ?? ''),
		wellFormed(),
		v.transform(normalize),
		v.transform((value) => (lines === 'single' ? toSingleLine(value) : toLineBreaks(value))),
		v.maxLength(max, 'tooLong' satisfies ErrorKey),
		v.check((value) => !MARKUP.test(value), 'markup' satisfies ErrorKey),
		v.check((value) => !CONTROL.test(value), 'control' satisfies ErrorKey)
	);

const isWebUrl = (value: string) => {
	if (!URL.canParse(value)) return false;
	const url = new URL(value);
	return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
};

export const PledgeSchema = v.object(
	{
		government: requiredText(LIMITS.government),
		country: v.pipe(
			v.optional(v.string('type' satisfies ErrorKey), ''),
			v.transform(normalize),
			v.nonEmpty('required' satisfies ErrorKey),
			v.toUpperCase(),
			v.check(isCountryCode, 'country' satisfies ErrorKey)
		),
		title: requiredText(LIMITS.title),
		description: optionalText(LIMITS.description, 'multi'),
		compacts: v.pipe(
			v.optional(v.array(v.picklist(COMPACTS, 'compacts' satisfies ErrorKey), 'compacts' satisfies ErrorKey), []),
			v.transform((list) => COMPACTS.filter((compact) => list.includes(compact)))
		),
		url: v.pipe(optionalText(LIMITS.url), v.check((value) => value === '' || isWebUrl(value), 'url' satisfies ErrorKey))
	},
	'type' satisfies ErrorKey
);

export type PledgeValidation = { success: true; pledge: PledgeInput } | { success: false; errors: FieldErrors };

/** Validates and normalizes anything (parsed JSON, form fields, a CSV row) into a pledge. */
export function validatePledge(input: unknown): PledgeValidation {
	if (Array.isArray(input)) return { success: false, errors: { body: 'type' } };
	const result = v.safeParse(PledgeSchema, input);
	if (result.success) {
		const { description, url, ...rest } = result.output;
		return { success: true, pledge: { ...rest, ...(description ? { description } : {}), ...(url ? { url } : {}) } };
	}
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const field = (issue.path?.[0]?.key as PledgeField | undefined) ?? 'body';
		errors[field] ??= issue.message as ErrorKey;
	}
	return { success: false, errors };
}

/** Form fields (console add and correct) in the shape the schema reads. */
export function pledgeFromForm(form: FormData): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	return {
		government: text('government'),
		country: text('country'),
		title: text('title'),
		description: text('description'),
		compacts: form.getAll('compacts').filter((value) => typeof value === 'string'),
		url: text('url')
	};
}
