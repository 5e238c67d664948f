import { isLanguage } from '$lib/i18n/languages';
import type { PublicQuestion, PublicQuestions, QuestionTranslations } from './types';

const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** Texts by language; anything else is left out (an older server sent none: `{}`). */
function parseTranslations(value: unknown): QuestionTranslations {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
	return Object.fromEntries(Object.entries(value).filter(([lang, text]) => isLanguage(lang) && isText(text)));
}

/** A public question, checked field by field; fields it does not check (added later) are kept as they came. */
export function parseQuestion(value: unknown): PublicQuestion | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const q = value as Record<string, unknown>;
	if (!isText(q.id) || !isText(q.text) || !isOptionalText(q.name) || !isOptionalText(q.affiliation) || !isLanguage(q.lang)) return undefined;
	if (typeof q.votes !== 'number' || (q.status !== 'approved' && q.status !== 'answered') || typeof q.onScreen !== 'boolean' || !isText(q.createdAt)) return undefined;
	return { ...(q as unknown as PublicQuestion), translations: parseTranslations(q.translations) };
}

/** The stream's `questions` event or `GET /api/questions`, checked; questions that are not well formed are left out. */
export function parsePublicQuestions(value: unknown): PublicQuestions | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const { open, questions, version, nextCursor, answeredCursor } = value as Record<string, unknown>;
	if (typeof open !== 'boolean' || !Array.isArray(questions)) return undefined;
	const state: PublicQuestions = { open, questions: questions.map(parseQuestion).filter((q): q is PublicQuestion => q !== undefined) };
	if (Number.isSafeInteger(version)) state.version = version as number;
	if (typeof nextCursor === 'string') state.nextCursor = nextCursor;
	if (typeof answeredCursor === 'string') state.answeredCursor = answeredCursor;
	return state;
}

export { byVotesThenAge } from './ranking';

/** The question on screen, if any. */
export const onScreen = (state: PublicQuestions | null) => state?.questions.find((question) => question.onScreen) ?? null;

/**
 * The question as a reader of `lang` sees it first: in that language when a moderator translated
 * it, with its original (and the original's language) one click away; otherwise the original alone.
 */
export function inLanguage(question: Pick<PublicQuestion, 'text' | 'lang' | 'translations'>, lang: string): { lang: string; text: string; original?: { lang: string; text: string } } {
	const translation = question.lang === lang ? undefined : question.translations[lang];
	const original = { lang: question.lang, text: question.text };
	return translation === undefined ? original : { lang, text: translation, original };
}

/** Who asked, as shown beside a question: "name, affiliation", either alone, or nothing. */
export function askedBy(question: Pick<PublicQuestion, 'name' | 'affiliation'>): string {
	return [question.name, question.affiliation].filter(Boolean).join(', ');
}
