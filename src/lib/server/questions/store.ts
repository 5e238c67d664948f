import { isPublicStatus, QUESTION_STATUSES, type ListPosition, type PublicQuestion, type PublicStatus, type Question, type QuestionStatus } from '../../questions/types.ts';
import { isRecordId } from '../store/input-rule.ts';
import { addressKeys } from './address-keys.ts';
import { encodeCursor } from './cursor.ts';
import { ask } from './asking.ts';
import { moderate } from './moderation.ts';
import { setOpen } from './opening.ts';
import { inListOrder } from './order.ts';
import { byVotesThenAge } from '../../questions/ranking.ts';
import type { QuestionEngine } from './records.ts';
import { DEFAULT_LIST_SIZE, type QuestionStore } from './types.ts';
import { vote } from './voting.ts';

const PUBLIC_STATUSES: readonly PublicStatus[] = ['approved', 'answered'];

/** A public question as everyone may see it: when organizers last changed it is theirs. */
const toPublic = ({ updatedAt: _updated, ...question }: Question) => question as PublicQuestion;

/** The questions of one status from `after` on, at most `size`, and the cursor of the page after them (one more is read to know). */
async function rankedPage(engine: QuestionEngine, status: PublicStatus, size: number, after?: ListPosition) {
	const rows = await engine.records.ranked(status, size + 1, after);
	const page = rows.slice(0, size);
	const last = page.at(-1);
	return { questions: page.map(toPublic), nextCursor: rows.length > size && last ? encodeCursor({ status, votes: last.votes, createdAt: last.createdAt, id: last.id }) : null };
}

/** The questions' rules (this folder) over one engine's records: the store every caller uses. */
export function questionStore(engine: QuestionEngine): QuestionStore {
	const { records } = engine;
	return {
		changes: engine.changes,
		async publicState(size = DEFAULT_LIST_SIZE) {
			const [open, approved, answered, shown] = await Promise.all([
				records.isOpen(),
				rankedPage(engine, 'approved', size),
				rankedPage(engine, 'answered', size),
				records.onScreen()
			]);
			const questions = [...approved.questions, ...answered.questions];
			// The question on screen is shown wherever it ranks, so the room and the list agree.
			if (shown && isPublicStatus(shown.status) && !questions.some((q) => q.id === shown.id)) questions.push(toPublic(shown));
			return { open, questions: questions.sort(byVotesThenAge), nextCursor: approved.nextCursor, answeredCursor: answered.nextCursor };
		},
		async publicPage(after, size) {
			const [open, page] = await Promise.all([records.isOpen(), rankedPage(engine, after.status, size, after)]);
			return { open, status: after.status, ...page };
		},
		async list(status) {
			return inListOrder(status, await records.withStatus([status]));
		},
		async counts() {
			const counted = await records.countByStatus();
			return Object.fromEntries(QUESTION_STATUSES.map((status) => [status, counted[status] ?? 0])) as Record<QuestionStatus, number>;
		},
		get: async (id) => (isRecordId(id) ? records.byId(id) : undefined),
		isOpen: () => records.isOpen(),
		setOpen: (isOpen, actor, now = new Date()) => setOpen(engine, isOpen, actor, now),
		ask: (input, writer, limits, now = new Date()) => ask(engine, input, writer, limits, now),
		vote: (id, writer, hasVoted, now = new Date()) => vote(engine, id, writer, hasVoted, now),
		votesOf: (browser) => records.votedFor(browser, PUBLIC_STATUSES),
		moderate: (id, change, actor, now = new Date()) => moderate(engine, id, change, actor, now),
		addressKeys: (now = new Date()) => addressKeys(engine, now),
		purge: (before) => engine.write((records) => records.deleteAskedBefore(before), { isChange: (count) => count > 0 })
	};
}
