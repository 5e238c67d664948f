import * as v from 'valibot';
import { isLanguage, type Language } from '$lib/i18n/languages';
import { firstIssues, optionalText, requiredText, type TextErrorKey } from '$lib/text/plain-text';
import { QUESTION_STATUSES, type Moderation, type QuestionInput } from './types';

/**
 * The one question schema (API, the ask form, the browser's own check): the pledges' text rules.
 * Messages are keys of `questions:errors.<key>`.
 */
export const QUESTION_LIMITS = { text: 280, name: 80, affiliation: 80 } as const;

export type QuestionField = 'text' | 'name' | 'affiliation' | 'lang';
export type QuestionErrorKey = TextErrorKey | 'lang';
export type QuestionFieldErrors = Partial<Record<QuestionField | 'body', QuestionErrorKey>>;

const QuestionSchema = v.object(
	{
		text: requiredText(QUESTION_LIMITS.text),
		name: optionalText(QUESTION_LIMITS.name),
		affiliation: optionalText(QUESTION_LIMITS.affiliation),
		lang: v.pipe(v.optional(v.string('lang' satisfies QuestionErrorKey), ''), v.check((value: string) => isLanguage(value), 'lang' satisfies QuestionErrorKey))
	},
	'type' satisfies QuestionErrorKey
);

export type QuestionValidation = { success: true; question: QuestionInput } | { success: false; errors: QuestionFieldErrors };

/** Validates and normalizes anything (parsed JSON, form fields) into a question. */
export function validateQuestion(input: unknown): QuestionValidation {
	if (Array.isArray(input)) return { success: false, errors: { body: 'type' } };
	const result = v.safeParse(QuestionSchema, input);
	if (!result.success) return { success: false, errors: firstIssues<QuestionField, QuestionErrorKey>(result.issues) };
	const { name, affiliation, ...rest } = result.output;
	return { success: true, question: { ...rest, lang: rest.lang as Language, ...(name ? { name } : {}), ...(affiliation ? { affiliation } : {}) } };
}

/** The ask form's fields in the shape the schema reads; the language is the page's. */
export function questionFromForm(form: FormData, lang: string): Record<string, unknown> {
	const text = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	return { text: text('text'), name: text('name'), affiliation: text('affiliation'), lang };
}

/** An organizer's change (`PATCH /api/questions/{id}`): a status other than pending, and/or on screen. */
export function parseModeration(input: unknown): Moderation | undefined {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
	const { status, onScreen, ...rest } = input as Record<string, unknown>;
	if (Object.keys(rest).length > 0) return undefined;
	const moderation: Moderation = {};
	if (status !== undefined) {
		if (typeof status !== 'string' || status === 'pending' || !(QUESTION_STATUSES as readonly string[]).includes(status)) return undefined;
		moderation.status = status as Moderation['status'];
	}
	if (onScreen !== undefined) {
		if (typeof onScreen !== 'boolean') return undefined;
		moderation.onScreen = onScreen;
	}
	return moderation.status === undefined && moderation.onScreen === undefined ? undefined : moderation;
}

