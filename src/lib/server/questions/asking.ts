import { randomUUID } from 'node:crypto';
import type { QuestionInput } from '../../questions/types.ts';
import { askingRefusal } from './limits.ts';
import { writerLocks } from './locks.ts';
import type { QuestionEngine } from './records.ts';
import type { AskOutcome, QuestionLimits, Writer } from './types.ts';

/**
 * Stores a pending question unless the questions are closed, its text is an exact duplicate of any
 * stored question, or the writer is over a limit: checked in that order, in the insert's transaction.
 */
export function ask(engine: QuestionEngine, input: QuestionInput, writer: Writer, limits: QuestionLimits, now: Date): Promise<AskOutcome> {
	return engine.write(
		async (records): Promise<AskOutcome> => {
			if (!(await records.isOpen())) return { kind: 'closed' };
			if (await records.hasText(input.text)) return { kind: 'duplicate' };
			const refusal = await askingRefusal(records, writer, limits, now);
			if (refusal) return refusal;
			const question = await records.insert({ ...input, id: randomUUID(), browser: writer.browser, address: writer.addresses[0], at: now });
			// The same text asked at this moment by another writer (who holds other locks) took it first.
			return question ? { kind: 'accepted', question } : { kind: 'duplicate' };
		},
		{ locks: writerLocks(writer), isChange: (outcome) => outcome.kind === 'accepted' }
	);
}
