import type { Question, QuestionStatus } from '../../questions/types.ts';
import type { Actor } from '../pledges/types.ts';
import type { QuestionRecords } from './records.ts';

/**
 * The audit log's names for what organizers do to questions. All begin with "question": the
 * pledges' last change leaves them out (the PostgreSQL migration indexes on that prefix).
 */
export const QUESTION_AUDIT = {
	opened: 'questions-open',
	closed: 'questions-close',
	status: (status: QuestionStatus) => `question-${status}`,
	onScreen: 'question-on-screen',
	offScreen: 'question-off-screen',
	translated: 'question-translation',
	translationRemoved: 'question-translation-removed'
} as const;

/**
 * One audit entry; a question's is detailed with its text (or, for a translation, the language and
 * text), so the log reads without the question (it may be purged).
 */
export function auditQuestion(records: QuestionRecords, actor: Actor, action: string, question: Question | null, at: Date, detail = question?.text ?? null): Promise<void> {
	return records.audit({ at, actor, action, questionId: question?.id ?? null, detail });
}
