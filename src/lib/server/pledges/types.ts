/**
 * The pledge ledger's shapes and the store interface. Engines (SQLite, PostgreSQL) implement
 * `PledgeStore`; the live stream listens to `PledgeChanges`.
 */
import type { LedgerEntry, NoteInput, Pledge, PledgeFields, PledgeFilter, PledgeInput, PledgeNote, PledgeSnapshot, PledgeStatus } from '$lib/pledges/types';

// The pledge's own shapes come from its schema (src/lib/pledges/); re-exported for the store's code.
export type { Compact, LedgerEntry, NoteInput, Pledge, PledgeFields, PledgeFilter, PledgeInput, PledgeNote, PledgeSnapshot, PledgeStatus, PledgeTranslation, Verification } from '$lib/pledges/types';

/** One page of the list: a part of the pledges that match, and where the next page starts. */
export interface PledgePage {
	pledges: Pledge[];
	/** How many pledges match the filter in all. */
	matching: number;
	/** How many of them come before this page. */
	before: number;
	/** The position to pass as `after` for the next page; `null` on the last page. */
	next: number | null;
}

/** Told after every committed change to the ledger. */
export type PledgeChangeListener = () => void;

export interface PledgeChanges {
	subscribe(listener: PledgeChangeListener): () => void;
}

/** Who made a change, for the audit log: an organizer, or a government's reporter (`government` set). */
export interface Actor {
	id: string;
	email: string;
	/** The reporter's government, as the audit log names it ("Ville de Grigny (FR)"). */
	government?: string;
}

export interface AuditEntry {
	at: string;
	organizerEmail: string;
	/** Pledge actions (its progress: a new status, a note), and the questions' moderation (src/lib/server/questions/). */
	action:
		| 'add'
		| 'update'
		| 'withdraw'
		| 'restore'
		| 'import'
		| `status-${PledgeStatus}`
		| 'note'
		| 'note-hidden'
		| 'submit'
		| 'published'
		| 'returned'
		| 'translate'
		| 'invite'
		| 'invite-resent'
		| 'invite-revoked'
		| 'invite-accepted'
		| 'reporter-revoked'
		| 'questions-open'
		| 'questions-close'
		| `question-${'approved' | 'rejected' | 'answered' | 'on-screen' | 'off-screen' | 'translation' | 'translation-removed'}`
		| 'speaker-pick'
		| 'speaker-clear';
	pledgeId?: string;
	detail?: string;
	/** Set when a government's reporter made the change (`organizerEmail` is then theirs). */
	government?: string;
}

/** The answer to a write made with an Idempotency-Key: replayed as is on a retry. */
export type IdempotentResult =
	| { kind: 'stored'; status: number; body: string; replayed: boolean }
	| { kind: 'key-reused' };

/**
 * The ledger's operations, implemented once per engine (SQLite, PostgreSQL: src/lib/server/store/).
 * Every write settles only once it is committed (on disk, or on PostgreSQL's WAL).
 */
export interface PledgeStore {
	snapshot(): Promise<PledgeSnapshot>;
	/**
	 * A number that grows with every committed change of the ledger (the newest audit entry's), read
	 * from the store itself: what a page rendered after reading it shows is at least that recent.
	 */
	version(): Promise<number>;
	/** Committed changes, made by this process or any other one on the same store. */
	readonly changes: PledgeChanges;
	/** Pledges handed over (published, not withdrawn), newest first. */
	list(filter?: PledgeFilter): Promise<Pledge[]>;
	/**
	 * A page of them, newest first, starting after the position `after` (a previous page's `next`):
	 * walking the pages shows each pledge once, even while pledges are added.
	 */
	listPage(filter: PledgeFilter, page: { limit: number; after?: number }): Promise<PledgePage>;
	/** Every published pledge, withdrawn ones included, newest first (the organizers' ledger). */
	entries(): Promise<LedgerEntry[]>;
	get(id: string): Promise<LedgerEntry | undefined>;
	add(input: PledgeInput, actor: Actor): Promise<Pledge>;
	/** All or nothing. */
	addMany(inputs: PledgeInput[], actor: Actor): Promise<Pledge[]>;
	/**
	 * Adds a pledge; settles once it is committed. With an idempotency key, adds once per
	 * (organizer, key), whichever instance the retry reaches: a retry gets the first answer, the
	 * same key with another pledge is refused.
	 */
	addOnce(input: PledgeInput, actor: Actor, idempotency?: { key: string; requestHash: string }): Promise<IdempotentResult>;
	/** Corrects the pledge's fields; its status stays as it is (`setStatus` changes it). */
	update(id: string, input: PledgeFields, actor: Actor): Promise<Pledge | undefined>;
	/** Sets the pledge's status, audited as `status-<status>`; a status it already has changes nothing. */
	setStatus(id: string, status: PledgeStatus, actor: Actor): Promise<Pledge | undefined>;
	/** Adds a dated progress note to the pledge, audited as `note`; undefined if there is no such pledge. */
	addNote(id: string, note: NoteInput, actor: Actor): Promise<PledgeNote | undefined>;
	/** The pledge's notes, latest day first (the later-added first within a day). */
	notes(id: string, options?: { withHidden?: boolean }): Promise<PledgeNote[]>;
	/** The notes of several pledges at once (the open data), by pledge id; a pledge without notes is left out. */
	notesOf(ids: string[]): Promise<Map<string, PledgeNote[]>>;
	withdraw(id: string, actor: Actor): Promise<boolean>;
	restore(id: string, actor: Actor): Promise<boolean>;
	auditLog(limit?: number): Promise<AuditEntry[]>;
	/** How many pledges are handed over (not withdrawn) in each country that has any, by country code. */
	countryCounts(): Promise<CountryCount[]>;
}

export interface CountryCount {
	/** ISO 3166-1 alpha-2. */
	country: string;
	count: number;
}
