import { isLanguage } from '$lib/i18n/languages';
import type { PublicQuestion, PublicQuestions } from './types';

const isText = (value: unknown): value is string => typeof value === 'string';
const isOptionalText = (value: unknown): value is string | null => value === null || typeof value === 'string';

/** A public question, checked field by field; fields it does not check (added later) are kept as they came. */
export function parseQuestion(value: unknown): PublicQuestion | undefined {
	if (value === null || typeof value !== 'object') return undefined;
	const q = value as Record<string, unknown>;
	if (!isText(q.id) || !isText(q.text) || !isOptionalText(q.name) || !isOptionalText(q.affiliation) || !isLanguage(q.lang)) return undefined;
	if (typeof q.votes !== 'number' || (q.status !== 'approved' && q.status !== 'answered') || typeof q.onScreen !== 'boolean' || !isText(q.createdAt)) return undefined;
	return q as unknown as PublicQuestion;
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

/** Who asked, as shown beside a question: "name, affiliation", either alone, or nothing. */
export function askedBy(question: Pick<PublicQuestion, 'name' | 'affiliation'>): string {
	return [question.name, question.affiliation].filter(Boolean).join(', ');
}
