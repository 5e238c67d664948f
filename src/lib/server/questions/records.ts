import type { Language } from '../../i18n/languages.ts';
import type { ListPosition, Question, QuestionInput, QuestionStatus } from '../../questions/types.ts';
import type { Actor, PledgeChanges } from '../pledges/types.ts';

/** Which of a writer's hashes a count goes by. */
export type WriterHash = 'browser' | 'address';

/** A question as it is first stored: who asked only as hashes (see viewer.ts). */
export interface NewQuestion extends QuestionInput {
	id: string;
	browser: string;
	address: string;
	at: Date;
}

export interface QuestionAuditEntry {
	at: Date;
	actor: Actor;
	action: string;
	questionId: string | null;
	detail: string | null;
}

/**
 * What the store gives the questions: rows read and written, no rules (src/lib/server/store/questions.ts,
 * the same on both engines). The rules are in this folder.
 */
export interface QuestionRecords {
	/** The questions with one of these statuses, oldest first. */
	withStatus(statuses: readonly QuestionStatus[]): Promise<Question[]>;
	/** At most `limit` questions of this status by votes (most first), then age, then id; after `after` when given. */
	ranked(status: QuestionStatus, limit: number, after?: ListPosition): Promise<Question[]>;
	/** The question on screen, if any. */
	onScreen(): Promise<Question | undefined>;
	byId(id: string): Promise<Question | undefined>;
	hasText(text: string): Promise<boolean>;
	/** How many questions have each status (absent: none). */
	countByStatus(): Promise<Partial<Record<QuestionStatus, number>>>;
	/** Undefined when another question holds this text already (asked at the same moment: the unique index decides). */
	insert(question: NewQuestion): Promise<Question | undefined>;
	update(id: string, change: Pick<Question, 'status' | 'onScreen'>, at: Date): Promise<void>;
	takeOffScreen(at: Date): Promise<void>;
	/** Adds or replaces the question's text in `lang`. */
	setTranslation(questionId: string, lang: Language, text: string, at: Date): Promise<void>;
	/** False when there was none. */
	removeTranslation(questionId: string, lang: Language): Promise<boolean>;
	/** Deletes the questions asked before `before`, with their votes; how many questions went. */
	deleteAskedBefore(before: Date): Promise<number>;
	pendingCount(by: WriterHash, hashes: readonly string[]): Promise<number>;
	/** When the latest `max` questions asked after `since` by these hashes were asked, newest first. */
	askedAfter(by: WriterHash, hashes: readonly string[], since: Date, max: number): Promise<Date[]>;
	/** False when this voter's vote was there already. */
	addVote(questionId: string, voter: string, at: Date): Promise<boolean>;
	/** False when there was no such vote. */
	removeVote(questionId: string, voter: string): Promise<boolean>;
	/** Adds `delta` to the question's count of votes; the new count. */
	addToVotes(questionId: string, delta: number): Promise<number>;
	/** Ids of the questions with one of these statuses that `voter` voted for. */
	votedFor(voter: string, statuses: readonly QuestionStatus[]): Promise<string[]>;
	isOpen(): Promise<boolean>;
	/** False when it was so already. */
	setOpen(isOpen: boolean, at: Date): Promise<boolean>;
	audit(entry: QuestionAuditEntry): Promise<void>;
	/** The address keys of these periods that exist, newest first. */
	addressKeys(periods: readonly number[]): Promise<{ period: number; secret: string }[]>;
	/** Keeps the period's key when one exists already (made by another instance at the same time). */
	addAddressKey(period: number, secret: string): Promise<void>;
	deleteAddressKeysBefore(period: number): Promise<void>;
}

export interface WriteOptions<T> {
	/**
	 * Names held until the transaction ends, so that writes which must not interleave wait for
	 * each other (PostgreSQL's instances; SQLite has one writer at a time anyway).
	 */
	locks?: readonly string[];
	/** Whether the result changed anything to tell listeners of. */
	isChange(result: T): boolean;
}

/** The questions on one engine: its records, its write transactions, and the news of committed changes. */
export interface QuestionEngine {
	/** Reads outside any write. */
	records: QuestionRecords;
	/** Runs `work` in one write transaction; listeners hear of it once committed, when `isChange` says so. */
	write<T>(work: (records: QuestionRecords) => Promise<T>, options: WriteOptions<T>): Promise<T>;
	/** Told after every committed change, on this instance or (where the engine can) another. */
	changes: PledgeChanges;
}
