import { isPublicStatus } from '../../questions/types.ts';
import { isRecordId } from '../store/input-rule.ts';
import { questionLock } from './locks.ts';
import type { QuestionEngine } from './records.ts';
import type { VoteOutcome, Writer } from './types.ts';

/** One vote per browser and public question: voting twice or withdrawing twice changes nothing. */
export async function vote(engine: QuestionEngine, id: string, writer: Writer, hasVoted: boolean, now: Date): Promise<VoteOutcome> {
	if (!isRecordId(id)) return { kind: 'not-found' };
	const outcome = await engine.write(
		async (records) => {
			const question = await records.byId(id);
			if (!question || !isPublicStatus(question.status)) return { kind: 'not-found' } as const;
			const hasChanged = hasVoted ? await records.addVote(id, writer.browser, now) : await records.removeVote(id, writer.browser);
			const votes = hasChanged ? await records.addToVotes(id, hasVoted ? 1 : -1) : question.votes;
			return { kind: 'counted', votes, hasVoted, hasChanged } as const;
		},
		{ locks: [questionLock(id)], isChange: (outcome) => outcome.kind === 'counted' && outcome.hasChanged }
	);
	return outcome.kind === 'counted' ? { kind: 'counted', votes: outcome.votes, hasVoted } : outcome;
}
