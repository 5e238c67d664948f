import type { ListPosition, Moderation, PublicQuestionPage, PublicQuestions, Question, QuestionInput, QuestionStatus } from '$lib/questions/types';
import type { Actor, PledgeChanges } from '../pledges/types';

/**
 * The questions store's interface: store.ts implements it once, with the rules of this folder over
 * each engine's records (records.ts); the contract suite (tests/store/) checks it on every engine,
 * and every caller uses only it. Asynchronous, so an engine may be remote.
 */

/** Who writes, never in clear: a hash of the browser's anonymous id and keyed hashes of its address. */
export interface Writer {
	browser: string;
	/** The address under the current secret first, then under the previous one (limits span a rotation). */
	addresses: readonly string[];
}

/**
 * Asking, per browser and per address: counted from the questions the store holds, in the same
 * transaction as the insert, so they hold across instances and restarts, a refused ask costs nothing
 * and no parallel ask slips past them (limits.ts).
 */
export interface QuestionLimits {
	pendingPerBrowser: number;
	pendingPerAddress: number;
	askedPerHourPerBrowser: number;
	askedPerHourPerAddress: number;
}

export type AskOutcome =
	| { kind: 'accepted'; question: Question }
	| { kind: 'closed' }
	| { kind: 'duplicate' }
	| { kind: 'limited'; retryAfterSeconds: number };

export type VoteOutcome = { kind: 'counted'; votes: number; hasVoted: boolean } | { kind: 'not-found' };

export type ModerationOutcome = { kind: 'changed'; question: Question } | { kind: 'not-found' } | { kind: 'not-public' } | { kind: 'same-language'; lang: string };

export interface QuestionStore {
	/** Told after every committed change (a question, a vote, a moderation, opening or closing). */
	readonly changes: PledgeChanges;
	/**
	 * What everyone may see at first: open or closed, the top `size` approved and the top `size` answered
	 * questions by votes then age (and the one on screen), with the cursors of the pages after them.
	 */
	publicState(size?: number): Promise<PublicQuestions>;
	/** The page of one public status after a position (a cursor's), at most `size` questions. */
	publicPage(after: ListPosition, size: number): Promise<PublicQuestionPage>;
	/** Organizers' view of one status: pending oldest first, the others as the public sorts them. */
	list(status: QuestionStatus): Promise<Question[]>;
	get(id: string): Promise<Question | undefined>;
	/** How many questions have each status (for /metrics). */
	counts(): Promise<Record<QuestionStatus, number>>;
	isOpen(): Promise<boolean>;
	setOpen(isOpen: boolean, actor: Actor, now?: Date): Promise<void>;
	/** Stores a pending question unless closed, a duplicate of any stored one, or over a limit. */
	ask(input: QuestionInput, writer: Writer, limits: QuestionLimits, now?: Date): Promise<AskOutcome>;
	/** One vote per browser and public question; voting twice or withdrawing twice changes nothing. */
	vote(id: string, writer: Writer, hasVoted: boolean, now?: Date): Promise<VoteOutcome>;
	/** Ids of the public questions this browser voted for. */
	votesOf(browser: string): Promise<string[]>;
	/** Approve, reject, mark answered, put on (one at a time) or take off the screen, add or correct a translation. Audited. */
	moderate(id: string, change: Moderation, actor: Actor, now?: Date): Promise<ModerationOutcome>;
	/**
	 * The keys of address hashes: one secret per period, made on first use and shared by every
	 * instance; older ones are deleted, so old hashes can no longer be matched to an address.
	 */
	addressKeys(now?: Date): Promise<readonly string[]>;
	/** Deletes questions (and their votes) asked before `before`; returns how many questions went. */
	purge(before: Date): Promise<number>;
}

/** How many questions of each public status a list shows at first (the setting QUESTIONS_LIST_SIZE's default). */
export const DEFAULT_LIST_SIZE = 50;

export const ADDRESS_KEY_PERIOD_MS = 24 * 60 * 60_000;
