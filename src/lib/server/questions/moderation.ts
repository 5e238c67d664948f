import type { Language } from '../../i18n/languages.ts';
import { isPublicStatus, type Moderation, type Question } from '../../questions/types.ts';
import type { Actor } from '../pledges/types.ts';
import { isRecordId } from '../store/input-rule.ts';
import { auditQuestion, QUESTION_AUDIT } from './audit.ts';
import { questionLock, SCREEN_LOCK } from './locks.ts';
import type { QuestionEngine } from './records.ts';
import type { ModerationOutcome } from './types.ts';

/** A translation to write: its text, or `null` to take it away. */
export interface TranslationStep {
	lang: Language;
	text: string | null;
}

/** What a moderation does to a question, decided before anything is written. */
export type ModerationStep =
	| { kind: 'not-public' }
	| { kind: 'same-language'; lang: Language }
	| {
			kind: 'change';
			status: Question['status'];
			onScreen: boolean;
			takesTheScreen: boolean;
			actions: string[];
			/** Only those that change something, each audited with its language and text. */
			translations: TranslationStep[];
	  };

/** The translations that change something: a new or different text, or the removal of one that exists. */
function translationSteps(question: Question, translations: Moderation['translations'] = {}): TranslationStep[] | 'same-language' {
	const steps: TranslationStep[] = [];
	for (const [lang, text] of Object.entries(translations)) {
		if (text === undefined) continue;
		// A question's own language is its text, never a translation of it.
		if (lang === question.lang) return 'same-language';
		if (text === null ? question.translations[lang] !== undefined : question.translations[lang] !== text) steps.push({ lang, text });
	}
	return steps;
}

/**
 * The transitions: approve, reject, mark answered, put on or take off the screen, add, correct or
 * take away its text in another language. A rejected question leaves the screen; only a public one
 * may go on it, and it takes the screen from any other (one at a time). Each change of status, of
 * screen and of translation is one audit entry.
 */
export function moderationStep(question: Question, change: Moderation): ModerationStep {
	const status = change.status ?? question.status;
	const onScreen = status === 'rejected' ? false : (change.onScreen ?? question.onScreen);
	if (onScreen && !isPublicStatus(status)) return { kind: 'not-public' };
	const translations = translationSteps(question, change.translations);
	if (translations === 'same-language') return { kind: 'same-language', lang: question.lang };
	const actions = [
		...(status !== question.status ? [QUESTION_AUDIT.status(status)] : []),
		...(onScreen !== question.onScreen ? [onScreen ? QUESTION_AUDIT.onScreen : QUESTION_AUDIT.offScreen] : [])
	];
	return { kind: 'change', status, onScreen, takesTheScreen: onScreen && !question.onScreen, actions, translations };
}

export async function moderate(engine: QuestionEngine, id: string, change: Moderation, actor: Actor, now: Date): Promise<ModerationOutcome> {
	if (!isRecordId(id)) return { kind: 'not-found' };
	return engine.write(
		async (records): Promise<ModerationOutcome> => {
			const question = await records.byId(id);
			if (!question) return { kind: 'not-found' };
			const step = moderationStep(question, change);
			if (step.kind !== 'change') return step;
			if (step.takesTheScreen) await records.takeOffScreen(now);
			await records.update(id, { status: step.status, onScreen: step.onScreen }, now);
			for (const { lang, text } of step.translations) {
				if (text === null) await records.removeTranslation(id, lang);
				else await records.setTranslation(id, lang, text, now);
				const action = text === null ? QUESTION_AUDIT.translationRemoved : QUESTION_AUDIT.translated;
				await auditQuestion(records, actor, action, question, now, `${lang}: ${text ?? question.translations[lang]}`);
			}
			for (const action of step.actions) await auditQuestion(records, actor, action, question, now);
			return { kind: 'changed', question: (await records.byId(id))! };
		},
		{ locks: change.onScreen ? [SCREEN_LOCK, questionLock(id)] : [questionLock(id)], isChange: (outcome) => outcome.kind === 'changed' }
	);
}
