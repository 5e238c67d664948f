import { isPublicStatus, type Moderation, type Question } from '../../questions/types.ts';
import type { Actor } from '../pledges/types.ts';
import { isRecordId } from '../store/input-rule.ts';
import { auditQuestion, QUESTION_AUDIT } from './audit.ts';
import { questionLock, SCREEN_LOCK } from './locks.ts';
import type { QuestionEngine } from './records.ts';
import type { ModerationOutcome } from './types.ts';

/** What a moderation does to a question, decided before anything is written. */
export type ModerationStep =
	| { kind: 'not-public' }
	| { kind: 'change'; status: Question['status']; onScreen: boolean; takesTheScreen: boolean; actions: string[] };

/**
 * The transitions: approve, reject, mark answered, put on or take off the screen. A rejected question
 * leaves the screen; only a public one may go on it, and it takes the screen from any other (one at a
 * time). Each change of status and of screen is one audit entry.
 */
export function moderationStep(question: Question, change: Moderation): ModerationStep {
	const status = change.status ?? question.status;
	const onScreen = status === 'rejected' ? false : (change.onScreen ?? question.onScreen);
	if (onScreen && !isPublicStatus(status)) return { kind: 'not-public' };
	const actions = [
		...(status !== question.status ? [QUESTION_AUDIT.status(status)] : []),
		...(onScreen !== question.onScreen ? [onScreen ? QUESTION_AUDIT.onScreen : QUESTION_AUDIT.offScreen] : [])
	];
	return { kind: 'change', status, onScreen, takesTheScreen: onScreen && !question.onScreen, actions };
}

export async function moderate(engine: QuestionEngine, id: string, change: Moderation, actor: Actor, now: Date): Promise<ModerationOutcome> {
	if (!isRecordId(id)) return { kind: 'not-found' };
	return engine.write(
		async (records): Promise<ModerationOutcome> => {
			const question = await records.byId(id);
			if (!question) return { kind: 'not-found' };
			const step = moderationStep(question, change);
			if (step.kind === 'not-public') return step;
			if (step.takesTheScreen) await records.takeOffScreen(now);
			await records.update(id, { status: step.status, onScreen: step.onScreen }, now);
			for (const action of step.actions) await auditQuestion(records, actor, action, question, now);
			return { kind: 'changed', question: (await records.byId(id))! };
		},
		{ locks: change.onScreen ? [SCREEN_LOCK, questionLock(id)] : [questionLock(id)], isChange: (outcome) => outcome.kind === 'changed' }
	);
}
