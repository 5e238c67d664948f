import type { Actor } from '../pledges/types.ts';
import { auditQuestion, QUESTION_AUDIT } from './audit.ts';
import type { QuestionEngine } from './records.ts';

/** Opens or closes the questions; audited when it changes anything, and only then announced. */
export async function setOpen(engine: QuestionEngine, isOpen: boolean, actor: Actor, now: Date): Promise<void> {
	await engine.write(
		async (records) => {
			const hasChanged = await records.setOpen(isOpen, now);
			if (hasChanged) await auditQuestion(records, actor, isOpen ? QUESTION_AUDIT.opened : QUESTION_AUDIT.closed, null, now);
			return hasChanged;
		},
		{ isChange: (hasChanged) => hasChanged }
	);
}
