/**
 * The store interface of the pledge ledger. Engines (SQLite today) implement `PledgeStore`; the
 * live stream listens to `PledgeChanges`.
 */
import type { LedgerEntry, Pledge, PledgeFilter, PledgeInput, PledgeSnapshot } from '$lib/pledges/types';

// The pledge's own shapes come from its schema (src/lib/pledges/); re-exported for the store's code.
export type { Compact, LedgerEntry, Pledge, PledgeFilter, PledgeInput, PledgeSnapshot } from '$lib/pledges/types';

/** Told after every committed change to the ledger. */
export type PledgeChangeListener = () => void;

export interface PledgeChanges {
	subscribe(listener: PledgeChangeListener): () => void;
}

/** Who made a change, for the audit log. */
export interface Actor {
	id: string;
	email: string;
}

export interface AuditEntry {
	at: string;
	organizerEmail: string;
	/** Pledge actions, and the questions' moderation (src/lib/server/questions/). */
	action:
		| 'add'
		| 'update'
		| 'withdraw'
		| 'restore'
		| 'import'
		| 'questions-open'
		| 'questions-close'
		| `question-${'approved' | 'rejected' | 'answered' | 'on-screen' | 'off-screen'}`;
	pledgeId?: string;
	detail?: string;
}

/** The answer to a write made with an Idempotency-Key: replayed as is on a retry. */
export type IdempotentResult =
	| { kind: 'stored'; status: number; body: string; replayed: boolean }
	| { kind: 'key-reused' };

/** The ledger's operations; SQLite implements them today, another engine could later. */
export interface PledgeStore {
	snapshot(): PledgeSnapshot;
	readonly changes: PledgeChanges;
	/** Pledges handed over (not withdrawn), newest first. */
	list(filter?: PledgeFilter): Pledge[];
	/** Every pledge, withdrawn ones included, newest first. */
	entries(): LedgerEntry[];
	get(id: string): LedgerEntry | undefined;
	add(input: PledgeInput, actor: Actor): Pledge;
	/** All or nothing. */
	addMany(inputs: PledgeInput[], actor: Actor): Pledge[];
	/**
	 * Adds a pledge, grouped into one commit with writes arriving at the same time; settles once it is
	 * on disk. With an idempotency key, adds once per (organizer, key): a retry gets the first answer,
	 * the same key with another pledge is refused.
	 */
	addOnce(input: PledgeInput, actor: Actor, idempotency?: { key: string; requestHash: string }): Promise<IdempotentResult>;
	update(id: string, input: PledgeInput, actor: Actor): Pledge | undefined;
	withdraw(id: string, actor: Actor): boolean;
	restore(id: string, actor: Actor): boolean;
	auditLog(limit?: number): AuditEntry[];
	/** Countries that have at least one pledge handed over. */
	countries(): string[];
}
