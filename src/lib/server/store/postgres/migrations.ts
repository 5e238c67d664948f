import { pledgeSearchText } from '../../../pledges/search.ts';
import type { Query } from './database.ts';

/** A step: SQL, or work in JavaScript where the data needs the site's own code (run in the same transaction). */
export type PostgresMigration = string | ((query: Query) => Promise<void>);

/** The PostgreSQL store's schema, one step per entry, applied in order and never edited once shipped (recorded in `migrations`). */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
	`
	CREATE TABLE pledges (
		seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		id text NOT NULL UNIQUE,
		government text NOT NULL,
		country text NOT NULL,
		title text NOT NULL,
		description text,
		compacts text[] NOT NULL,
		url text,
		created_at timestamptz NOT NULL,
		updated_at timestamptz NOT NULL,
		withdrawn_at timestamptz
	);
	CREATE INDEX pledges_country ON pledges (country);
	CREATE TABLE organizers (
		id text PRIMARY KEY,
		email text NOT NULL UNIQUE,
		password_hash text NOT NULL,
		token_hash text NOT NULL,
		created_at timestamptz NOT NULL
	);
	CREATE TABLE sessions (
		id_hash text PRIMARY KEY,
		organizer_id text NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
		expires_at timestamptz NOT NULL
	);
	CREATE INDEX sessions_expires_at ON sessions (expires_at);
	CREATE TABLE audit_log (
		seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		at timestamptz NOT NULL,
		organizer_email text NOT NULL,
		action text NOT NULL,
		pledge_id text,
		detail text
	);
	-- The time of the last change is the newest audit entry's (no single row that every write would lock).
	CREATE INDEX audit_log_at ON audit_log (at);
	CREATE TABLE idempotency_keys (
		organizer_id text NOT NULL,
		key text NOT NULL,
		request_hash text NOT NULL,
		status integer NOT NULL,
		body text NOT NULL,
		created_at timestamptz NOT NULL,
		PRIMARY KEY (organizer_id, key)
	);
	-- When the ledger was created: the time of its last change until it has one.
	CREATE TABLE ledger (
		id integer PRIMARY KEY CHECK (id = 1),
		created_at timestamptz NOT NULL
	);
	INSERT INTO ledger (id, created_at) VALUES (1, now());
	`,
	// Limits kept in the store (sign-in attempts), counted across instances and restarts (instants in ms);
	// secrets the instances share (signing keys), made once by whichever needs one first;
	// a row /healthz writes to learn whether the store can still write.
	`
	CREATE TABLE rate_limits (
		key text PRIMARY KEY,
		count integer NOT NULL,
		first_at bigint NOT NULL,
		last_at bigint NOT NULL,
		expires_at bigint NOT NULL
	);
	CREATE INDEX rate_limits_expiry ON rate_limits (expires_at);
	CREATE TABLE server_secrets (
		name text PRIMARY KEY,
		value bytea NOT NULL,
		created_at timestamptz NOT NULL
	);
	CREATE TABLE store_probe (
		id integer PRIMARY KEY CHECK (id = 1),
		at timestamptz NOT NULL
	);
	`,
	// Questions from the audience (src/lib/server/questions/), as SQLite's migration 4: who asked is kept
	// only as keyed hashes. Their audit entries (actions question…) do not move the pledges' "last change".
	`
	CREATE TABLE questions (
		seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		id text NOT NULL UNIQUE,
		text text NOT NULL UNIQUE,
		name text,
		affiliation text,
		lang text NOT NULL,
		status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'answered')),
		on_screen boolean NOT NULL DEFAULT false,
		votes integer NOT NULL DEFAULT 0,
		browser_hash text NOT NULL,
		address_hash text NOT NULL,
		created_at timestamptz NOT NULL,
		updated_at timestamptz NOT NULL
	);
	CREATE INDEX questions_status ON questions (status, votes DESC, seq);
	CREATE INDEX questions_browser ON questions (browser_hash, created_at);
	CREATE INDEX questions_address ON questions (address_hash, created_at);
	CREATE INDEX questions_created_at ON questions (created_at);
	CREATE UNIQUE INDEX questions_one_on_screen ON questions (on_screen) WHERE on_screen;
	CREATE TABLE question_votes (
		question_id text NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
		voter_hash text NOT NULL,
		created_at timestamptz NOT NULL,
		PRIMARY KEY (question_id, voter_hash)
	);
	CREATE INDEX question_votes_voter ON question_votes (voter_hash);
	CREATE TABLE question_session (
		id integer PRIMARY KEY CHECK (id = 1),
		is_open boolean NOT NULL DEFAULT false,
		updated_at timestamptz NOT NULL
	);
	INSERT INTO question_session (id, is_open, updated_at) VALUES (1, false, now());
	CREATE TABLE question_keys (
		period bigint PRIMARY KEY,
		secret text NOT NULL
	);
	ALTER TABLE audit_log ADD COLUMN question_id text;
	CREATE INDEX audit_log_pledges_at ON audit_log (at) WHERE action NOT LIKE 'question%';
	`,
	// The search (src/lib/pledges/search.ts), as SQLite's migrations 5 and 6: each pledge's words
	// folded by the site's own function, stored on every write; existing pledges get theirs here.
	`
	ALTER TABLE pledges ADD COLUMN search_text text NOT NULL DEFAULT '';
	`,
	async (query) => {
		const rows = await query<{ id: string; government: string; title: string; description: string | null }>('SELECT id, government, title, description FROM pledges');
		for (const row of rows) await query('UPDATE pledges SET search_text = $2 WHERE id = $1', [row.id, pledgeSearchText(row)]);
	},
	// A pledge's progress, as SQLite's migration 7: its status, and dated public notes by organizers.
	`
	ALTER TABLE pledges ADD COLUMN status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'achieved'));
	CREATE INDEX pledges_status ON pledges (status);
	CREATE TABLE pledge_notes (
		seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		id text NOT NULL UNIQUE,
		pledge_id text NOT NULL REFERENCES pledges (id),
		day date NOT NULL,
		text text NOT NULL,
		created_at timestamptz NOT NULL
	);
	CREATE INDEX pledge_notes_pledge ON pledge_notes (pledge_id, day DESC, seq DESC);
	`,
	// Issue 22, local governments' reporting, as SQLite's migration of the same name.
	`
	ALTER TABLE pledges ADD COLUMN verification text NOT NULL DEFAULT 'published' CHECK (verification IN ('pending', 'published', 'returned'));
	ALTER TABLE pledges ADD COLUMN reporter_id text;
	ALTER TABLE pledges ADD COLUMN lang text;
	ALTER TABLE pledges ADD COLUMN verified_at timestamptz;
	ALTER TABLE pledges ADD COLUMN return_reason text;
	CREATE INDEX pledges_verification ON pledges (verification, seq);
	CREATE INDEX pledges_government ON pledges (country, government);
	CREATE TABLE pledge_translations (
		pledge_id text NOT NULL REFERENCES pledges (id),
		lang text NOT NULL,
		title text NOT NULL,
		description text,
		updated_at timestamptz NOT NULL,
		PRIMARY KEY (pledge_id, lang)
	);
	ALTER TABLE pledge_notes ADD COLUMN reporter_id text;
	ALTER TABLE pledge_notes ADD COLUMN lang text;
	ALTER TABLE pledge_notes ADD COLUMN evidence_url text;
	ALTER TABLE pledge_notes ADD COLUMN hidden_at timestamptz;
	ALTER TABLE pledge_notes ADD COLUMN hidden_reason text;
	ALTER TABLE audit_log ADD COLUMN government text;
	CREATE TABLE reporters (
		id text PRIMARY KEY,
		email text NOT NULL UNIQUE,
		government text NOT NULL,
		country text NOT NULL,
		lang text NOT NULL,
		password_hash text NOT NULL,
		created_at timestamptz NOT NULL,
		revoked_at timestamptz
	);
	CREATE TABLE reporter_sessions (
		id_hash text PRIMARY KEY,
		reporter_id text NOT NULL REFERENCES reporters (id) ON DELETE CASCADE,
		expires_at timestamptz NOT NULL
	);
	CREATE TABLE government_invitations (
		id text PRIMARY KEY,
		token_hash text NOT NULL UNIQUE,
		government text NOT NULL,
		country text NOT NULL,
		email text NOT NULL,
		lang text NOT NULL,
		invited_by text NOT NULL,
		created_at timestamptz NOT NULL,
		expires_at timestamptz NOT NULL,
		spent_at timestamptz,
		revoked_at timestamptz,
		reporter_id text
	);
	`,
	// Live captions, as SQLite's: captioners' tokens, the lines, the organizers' opening.
	`
	CREATE TABLE captioners (
		id text PRIMARY KEY,
		email text NOT NULL UNIQUE,
		token_hash text NOT NULL,
		created_at timestamptz NOT NULL
	);
	CREATE TABLE caption_lines (
		seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
		id text NOT NULL,
		lang text NOT NULL,
		text text NOT NULL,
		is_final boolean NOT NULL,
		is_hidden boolean NOT NULL DEFAULT false,
		started_at timestamptz NOT NULL,
		at timestamptz NOT NULL,
		UNIQUE (lang, id)
	);
	CREATE INDEX caption_lines_lang ON caption_lines (lang, seq);
	CREATE TABLE caption_window (
		id integer PRIMARY KEY CHECK (id = 1),
		is_open boolean NOT NULL DEFAULT false,
		updated_at timestamptz NOT NULL
	);
	INSERT INTO caption_window (id, is_open, updated_at) VALUES (1, false, now());
	`,
	// A pledge's last progress report and the feeds' index, as SQLite's last migration.
	`
	CREATE INDEX audit_log_pledge ON audit_log (pledge_id, seq);
	ALTER TABLE pledges ADD COLUMN last_report_at timestamptz;
	UPDATE pledges SET last_report_at = (
		SELECT max(at) FROM (
			SELECT created_at AS at FROM pledge_notes WHERE pledge_id = pledges.id
			UNION ALL SELECT at FROM audit_log WHERE pledge_id = pledges.id AND action LIKE 'status-%'
		) AS reports
	);
	`,
	// CSV files uploaded to the console, as SQLite's last migration.
	`
	CREATE TABLE import_drafts (
		id text PRIMARY KEY,
		organizer_id text NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
		csv text NOT NULL,
		expires_at timestamptz NOT NULL
	);
	CREATE INDEX import_drafts_organizer ON import_drafts (organizer_id);
	`,
	// The speaker on now, as SQLite's last migration.
	`
	CREATE TABLE now_speaking (
		id integer PRIMARY KEY CHECK (id = 1),
		speaker_id text,
		updated_at timestamptz NOT NULL
	);
	INSERT INTO now_speaking (id, speaker_id, updated_at) VALUES (1, NULL, now());
	`,
	// Questions in other languages, as SQLite's.
	`
	CREATE TABLE question_translations (
		question_id text NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
		lang text NOT NULL,
		text text NOT NULL,
		updated_at timestamptz NOT NULL,
		PRIMARY KEY (question_id, lang)
	);
	`,
	// The public list's counts from this index, as SQLite's: an index-only scan where the visibility map allows (after a vacuum).
	`
	CREATE INDEX pledges_public ON pledges (verification, withdrawn_at, seq);
	`
];
