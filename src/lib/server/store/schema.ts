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
}

export interface PledgeNotesTable {
	seq: Sequence;
	id: string;
	pledge_id: string;
	/** `YYYY-MM-DD`. */
	day: string;
	text: string;
	created_at: string;
}

export interface AuditLogTable {
	seq: Sequence;
	at: string;
	organizer_email: string;
	action: string;
	pledge_id: string | null;
	question_id: string | null;
	detail: string | null;
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
}

/**
 * Every column a write gives, none optional: a write that forgets a column (a new one, say) fails
 * the type check, where Kysely's `Insertable` would let a nullable column be left out.
 */
export type AllColumns<Table> = Required<Insertable<Table>>;
export type Row<Table> = Selectable<Table>;
