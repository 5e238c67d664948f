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

const isRecord = (input: unknown): input is Record<string, unknown> => input !== null && typeof input === 'object' && !Array.isArray(input);

/** `{ "<lang>": text | null }`, languages of the site only; the texts are checked by `validateTranslations`. */
function parseTranslations(input: unknown): Moderation['translations'] | undefined {
	if (!isRecord(input)) return undefined;
	const entries = Object.entries(input);
	if (entries.length === 0 || !entries.every(([lang, text]) => isLanguage(lang) && (text === null || typeof text === 'string'))) return undefined;
	return input as Moderation['translations'];
}

/**
 * An organizer's change (`PATCH /api/questions/{id}`, the console's forms): a status other than
 * pending, on screen or not, and/or its text in other languages. Its shape only: the translations'
 * texts are checked by `validateTranslations`.
 */
export function parseModeration(input: unknown): Moderation | undefined {
	if (!isRecord(input)) return undefined;
	const { status, onScreen, translations, ...rest } = input;
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
	if (translations !== undefined) {
		moderation.translations = parseTranslations(translations);
		if (!moderation.translations) return undefined;
	}
	return Object.keys(moderation).length === 0 ? undefined : moderation;
}

/** The console's field of a translation into `lang`. */
export const translationInput = (lang: Language) => `translation-${lang}`;

/**
 * The translations a console form sends, in the shape `parseModeration` reads: a blank field is no
 * translation when approving, and takes the translation away when the translations are saved.
 */
export function translationsFromForm(form: FormData, blank: 'ignored' | 'removes'): Moderation['translations'] {
	const translations: Partial<Record<Language, string | null>> = {};
	for (const [name, value] of form) {
		const lang = name.startsWith('translation-') ? name.slice('translation-'.length) : '';
		if (!isLanguage(lang) || typeof value !== 'string') continue;
		if (value.trim() !== '') translations[lang] = value;
		else if (blank === 'removes') translations[lang] = null;
	}
	return Object.keys(translations).length > 0 ? translations : undefined;
}

/** A translation's field, for its error: `translations.fr`. */
export const translationField = (lang: Language) => `translations.${lang}`;

export type TranslationsValidation =
	| { success: true; translations: Partial<Record<Language, string | null>> }
	| { success: false; errors: Partial<Record<string, TextErrorKey>> };

const TranslationText = requiredText(QUESTION_LIMITS.text);

/** A translation follows the question's own text rules (plain, one line, bounded, visible); `null` stays (a removal). */
export function validateTranslations(translations: Partial<Record<Language, string | null>>): TranslationsValidation {
	const checked: Partial<Record<Language, string | null>> = {};
	const errors: Partial<Record<string, TextErrorKey>> = {};
	for (const [lang, text] of Object.entries(translations)) {
		if (text === null || text === undefined) {
			checked[lang] = null;
			continue;
		}
		const result = v.safeParse(TranslationText, text);
		if (result.success) checked[lang] = result.output;
		else errors[translationField(lang)] = result.issues[0].message as TextErrorKey;
	}
	return Object.keys(errors).length > 0 ? { success: false, errors } : { success: true, translations: checked };
}

/** Each translation's limit under its field's name, for the error messages. */
export const translationLimits = (langs: readonly Language[]) => Object.fromEntries(langs.map((lang) => [translationField(lang), QUESTION_LIMITS.text]));

