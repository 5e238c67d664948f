import { QUESTION_STATUSES, type PublicQuestion, type PublicStatus, type Question, type QuestionStatus } from '../../questions/types.ts';
import { isRecordId } from '../store/input-rule.ts';
import { addressKeys } from './address-keys.ts';
import { ask } from './asking.ts';
import { moderate } from './moderation.ts';
import { setOpen } from './opening.ts';
import { inAskingOrder, inListOrder } from './order.ts';
import type { QuestionEngine } from './records.ts';
import type { QuestionStore } from './types.ts';
import { vote } from './voting.ts';

const PUBLIC_STATUSES: readonly PublicStatus[] = ['approved', 'answered'];

/** A public question as everyone may see it: when organizers last changed it is theirs. */
const toPublic = ({ updatedAt: _updated, ...question }: Question) => question as PublicQuestion;

/** The questions' rules (this folder) over one engine's records: the store every caller uses. */
export function questionStore(engine: QuestionEngine): QuestionStore {
	const { records } = engine;
	return {
		changes: engine.changes,
		async publicState() {
			const [open, questions] = await Promise.all([records.isOpen(), records.withStatus(PUBLIC_STATUSES)]);
			return { open, questions: inAskingOrder(questions).map(toPublic) };
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
