/**
 * The store's tables and columns, declared once for both engines as Kysely's `Database`: every query
 * of either engine is checked against it. The DDL stays per engine (sqlite/migrations.ts,
 * postgres/migrations.ts) and must agree with this file.
 *
 * Values are the same on both engines wherever the engines allow it: instants are ISO 8601 strings
 * (PostgreSQL's timestamptz is read as one by postgres/kysely.ts), 64-bit numbers are numbers, days
 * are `YYYY-MM-DD`. Where the engines' columns truly differ, the type says so and an engine helper
 * reads and writes it (`EngineColumns`).
 */
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { Compact, PledgeStatus } from '$lib/pledges/types';

/** JSON text on SQLite, `text[]` on PostgreSQL: read and written through the engine's `compacts` helper. */
export type CompactsColumn = string | readonly Compact[];
/** 0/1 on SQLite, boolean on PostgreSQL. */
export type FlagColumn = number | boolean;

/** A column the database fills in (an identity) and no write sets. */
type Sequence = ColumnType<number, never, never>;

export interface PledgesTable {
	/** The order pledges were added in: only grows, so pages are stable while pledges are added. */
	seq: Sequence;
	id: string;
	government: string;
	country: string;
	title: string;
	description: string | null;
	compacts: CompactsColumn;
	url: string | null;
	status: PledgeStatus;
	created_at: string;
	updated_at: string;
	withdrawn_at: string | null;
	/** The pledge's words folded for the search (src/lib/pledges/search.ts). */
	search_text: string;
	/** Its last progress report (a status change or a note); null before the first. */
	last_report_at: string | null;
	/** A government's submission waits for an organizer (`pending`), who publishes or returns it. */
	verification: ColumnType<Verification, Verification | undefined>;
	/** The government's reporter who submitted it; null: recorded by the organizers. */
	reporter_id: ColumnType<string | null, string | null | undefined>;
	/** The language its title and description were first written in, when known. */
	lang: ColumnType<string | null, string | null | undefined>;
	verified_at: ColumnType<string | null, string | null | undefined>;
	/** Why an organizer returned it (the reporter sees it). */
	return_reason: ColumnType<string | null, string | null | undefined>;
}

export type Verification = 'pending' | 'published' | 'returned';

/** A pledge's title and description in another language than its original. */
export interface PledgeTranslationsTable {
	pledge_id: string;
	lang: string;
	title: string;
	description: string | null;
	updated_at: string;
}

export interface PledgeNotesTable {
	seq: Sequence;
	id: string;
	pledge_id: string;
	/** `YYYY-MM-DD`. */
	day: string;
	text: string;
	created_at: string;
	/** The government's reporter who wrote it; null: an organizer. */
	reporter_id: ColumnType<string | null, string | null | undefined>;
	lang: ColumnType<string | null, string | null | undefined>;
	evidence_url: ColumnType<string | null, string | null | undefined>;
	/** Hidden by an organizer (kept, no longer public), with the reason. */
	hidden_at: ColumnType<string | null, string | null | undefined>;
	hidden_reason: ColumnType<string | null, string | null | undefined>;
}

export interface AuditLogTable {
	seq: Sequence;
	at: string;
	organizer_email: string;
	action: string;
	pledge_id: string | null;
	question_id: string | null;
	detail: string | null;
	/** The government whose reporter made the change (`organizer_email` then holds the reporter's); null: an organizer. */
	government: ColumnType<string | null, string | null | undefined>;
}

export interface IdempotencyKeysTable {
	organizer_id: string;
	key: string;
	request_hash: string;
	status: number;
	body: string;
	created_at: string;
}

/** One row: when the ledger was created, the time of its last public change until it has one. */
export interface LedgerTable {
	id: number;
	created_at: string;
}

export interface OrganizersTable {
	id: string;
	email: string;
	password_hash: string;
	token_hash: string;
	created_at: string;
}

export interface SessionsTable {
	id_hash: string;
	organizer_id: string;
	expires_at: string;
}

/** Instants in milliseconds since 1970. */
export interface RateLimitsTable {
	key: string;
	count: number;
	first_at: number;
	last_at: number;
	expires_at: number;
}

export interface ServerSecretsTable {
	name: string;
	/** Base64 text on SQLite, bytes on PostgreSQL. */
	value: string | Buffer;
	created_at: string;
}

export interface StoreProbeTable {
	id: number;
	at: string;
}

export interface QuestionsTable {
	seq: Sequence;
	id: string;
	text: string;
	name: string | null;
	affiliation: string | null;
	lang: string;
	status: ColumnType<'pending' | 'approved' | 'rejected' | 'answered', 'pending' | 'approved' | 'rejected' | 'answered' | undefined>;
	on_screen: ColumnType<FlagColumn, FlagColumn | undefined>;
	votes: ColumnType<number, number | undefined>;
	browser_hash: string;
	address_hash: string;
	created_at: string;
	updated_at: string;
}

/** A question's text in another language than it was asked in, added by a moderator. */
export interface QuestionTranslationsTable {
	question_id: string;
	lang: string;
	text: string;
	updated_at: string;
}

export interface QuestionVotesTable {
	question_id: string;
	voter_hash: string;
	created_at: string;
}

export interface QuestionSessionTable {
	id: number;
	is_open: FlagColumn;
	updated_at: string;
}

export interface QuestionKeysTable {
	period: number;
	secret: string;
}

/** A local or regional government's reporter: invited by an organizer, writes only its government's pledges. */
export interface ReportersTable {
	id: string;
	email: string;
	government: string;
	country: string;
	lang: string;
	password_hash: string;
	created_at: string;
	revoked_at: string | null;
}

export interface ReporterSessionsTable {
	id_hash: string;
	reporter_id: string;
	expires_at: string;
}

/** A single-use link for one government's reporter; only the hash of its secret is kept. */
export interface GovernmentInvitationsTable {
	id: string;
	token_hash: string;
	government: string;
	country: string;
	email: string;
	lang: string;
	/** The organizer's email. */
	invited_by: string;
	created_at: string;
	expires_at: string;
	spent_at: string | null;
	revoked_at: string | null;
	/** The account made by spending it. */
	reporter_id: string | null;
}

/** Who may post captions (POST /api/captions): a token only, stored as its hash. */
export interface CaptionersTable {
	id: string;
	email: string;
	token_hash: string;
	created_at: string;
}

/**
 * One caption line in its latest version: a partial line is replaced (its row deleted, a new one
 * inserted) by the next post with the same id, so `seq` only grows and names each version.
 */
export interface CaptionLinesTable {
	seq: Sequence;
	/** The line's id in its language, the captioner's or made by the server. */
	id: string;
	lang: string;
	text: string;
	is_final: FlagColumn;
	is_hidden: ColumnType<FlagColumn, FlagColumn | undefined>;
	/** When the line's first version came (a cue's start). */
	started_at: string;
	/** When this version came. */
	at: string;
}

/** One row: whether an organizer opened captioning outside its window. */
export interface CaptionWindowTable {
	id: number;
	is_open: FlagColumn;
	updated_at: string;
}

/** A CSV file uploaded to the console, waiting for its confirmation (src/lib/server/pledges/import-drafts.ts). */
export interface ImportDraftsTable {
	id: string;
	organizer_id: string;
	csv: string;
	expires_at: string;
}

/** One row: the speaker an organizer says is speaking now (the broadcast overlay), or none. */
export interface NowSpeakingTable {
	id: number;
	/** A speaker's id in the event's facts; null: nobody picked. */
	speaker_id: string | null;
	updated_at: string;
}

export interface Database {
	pledges: PledgesTable;
	pledge_notes: PledgeNotesTable;
	audit_log: AuditLogTable;
	idempotency_keys: IdempotencyKeysTable;
	ledger: LedgerTable;
	organizers: OrganizersTable;
	sessions: SessionsTable;
	rate_limits: RateLimitsTable;
	server_secrets: ServerSecretsTable;
	store_probe: StoreProbeTable;
	questions: QuestionsTable;
	question_votes: QuestionVotesTable;
	question_session: QuestionSessionTable;
	question_keys: QuestionKeysTable;
	question_translations: QuestionTranslationsTable;
	pledge_translations: PledgeTranslationsTable;
	reporters: ReportersTable;
	reporter_sessions: ReporterSessionsTable;
	government_invitations: GovernmentInvitationsTable;
	captioners: CaptionersTable;
	caption_lines: CaptionLinesTable;
	caption_window: CaptionWindowTable;
	import_drafts: ImportDraftsTable;
	now_speaking: NowSpeakingTable;
}

/**
 * Every column a write gives, none optional: a write that forgets a column (a new one, say) fails
 * the type check, where Kysely's `Insertable` would let a nullable column be left out.
 */
export type AllColumns<Table> = Required<Insertable<Table>>;
export type Row<Table> = Selectable<Table>;
