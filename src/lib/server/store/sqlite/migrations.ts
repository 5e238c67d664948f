import type { DatabaseSync } from 'node:sqlite';
import { pledgeSearchText } from '../../../pledges/search.ts';

/** A step: SQL, or work in JavaScript where the data needs the site's own code (run in the same transaction). */
export type Migration = string | ((db: DatabaseSync) => void);

/** The store's schema, one step per entry, applied in order and never edited once shipped. */
export const MIGRATIONS: readonly Migration[] = [
	`
	CREATE TABLE pledges (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		id TEXT NOT NULL UNIQUE,
		government TEXT NOT NULL,
		country TEXT NOT NULL,
		title TEXT NOT NULL,
		description TEXT,
		compacts TEXT NOT NULL,
		url TEXT,
		created_at TEXT NOT NULL,
		updated_at TEXT NOT NULL,
		withdrawn_at TEXT
	);
	CREATE INDEX pledges_country ON pledges (country);
	CREATE TABLE organizers (
		id TEXT PRIMARY KEY,
		email TEXT NOT NULL UNIQUE,
		password_hash TEXT NOT NULL,
		token_hash TEXT NOT NULL,
		created_at TEXT NOT NULL
	);
	CREATE TABLE sessions (
		id_hash TEXT PRIMARY KEY,
		organizer_id TEXT NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
		expires_at TEXT NOT NULL
	);
	CREATE TABLE audit_log (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		at TEXT NOT NULL,
		organizer_email TEXT NOT NULL,
		action TEXT NOT NULL,
		pledge_id TEXT,
		detail TEXT
	);
	CREATE TABLE idempotency_keys (
		organizer_id TEXT NOT NULL,
		key TEXT NOT NULL,
		request_hash TEXT NOT NULL,
		status INTEGER NOT NULL,
		body TEXT NOT NULL,
		created_at TEXT NOT NULL,
		PRIMARY KEY (organizer_id, key)
	);
	CREATE TABLE ledger (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		updated_at TEXT NOT NULL
	);
	`,
	// A ledger that never changed was last updated when it was created, not in 1970.
	`
	INSERT OR IGNORE INTO ledger (id, updated_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
	`,
	// Limits kept in the store (sign-in attempts today), so they hold across restarts and processes;
	// secrets the servers share (signing keys), made once by whichever process needs one first;
	// a row /healthz writes to learn whether the store can still write.
	`
	CREATE TABLE rate_limits (
		key TEXT PRIMARY KEY,
		count INTEGER NOT NULL,
		first_at INTEGER NOT NULL,
		last_at INTEGER NOT NULL,
		expires_at INTEGER NOT NULL
	);
	CREATE INDEX rate_limits_expiry ON rate_limits (expires_at);
	CREATE TABLE server_secrets (
		name TEXT PRIMARY KEY,
		value TEXT NOT NULL,
		created_at TEXT NOT NULL
	);
	CREATE TABLE store_probe (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		at TEXT NOT NULL
	);
	`,
	// Questions from the audience (src/lib/server/questions/): who asked is kept only as keyed hashes.
	`
	CREATE TABLE questions (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		id TEXT NOT NULL UNIQUE,
		text TEXT NOT NULL UNIQUE,
		name TEXT,
		affiliation TEXT,
		lang TEXT NOT NULL,
		status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'answered')),
		on_screen INTEGER NOT NULL DEFAULT 0 CHECK (on_screen IN (0, 1)),
		votes INTEGER NOT NULL DEFAULT 0,
		browser_hash TEXT NOT NULL,
		address_hash TEXT NOT NULL,
		created_at TEXT NOT NULL,
		updated_at TEXT NOT NULL
	);
	CREATE INDEX questions_status ON questions (status, votes DESC, seq);
	CREATE INDEX questions_browser ON questions (browser_hash, created_at);
	CREATE INDEX questions_address ON questions (address_hash, created_at);
	CREATE UNIQUE INDEX questions_one_on_screen ON questions (on_screen) WHERE on_screen = 1;
	CREATE TABLE question_votes (
		question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
		voter_hash TEXT NOT NULL,
		created_at TEXT NOT NULL,
		PRIMARY KEY (question_id, voter_hash)
	);
	CREATE INDEX question_votes_voter ON question_votes (voter_hash);
	CREATE TABLE question_session (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		is_open INTEGER NOT NULL DEFAULT 0,
		updated_at TEXT NOT NULL
	);
	INSERT INTO question_session (id, is_open, updated_at) VALUES (1, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
	CREATE TABLE question_keys (
		period INTEGER PRIMARY KEY,
		secret TEXT NOT NULL
	);
	ALTER TABLE audit_log ADD COLUMN question_id TEXT;
	`,
	// The search (src/lib/pledges/search.ts): each pledge's words folded by the site's own function,
	// stored on every write; existing pledges get theirs here.
	`
	ALTER TABLE pledges ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
	`,
	(db) => {
		const rows = db.prepare('SELECT id, government, title, description FROM pledges').all() as { id: string; government: string; title: string; description: string | null }[];
		const update = db.prepare('UPDATE pledges SET search_text = ? WHERE id = ?');
		for (const row of rows) update.run(pledgeSearchText(row), row.id);
	},
	// A pledge's progress (src/lib/pledges/status.ts, notes.ts), migration 7: its status, and dated public notes by organizers.
	`
	ALTER TABLE pledges ADD COLUMN status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'in-progress', 'achieved'));
	CREATE INDEX pledges_status ON pledges (status);
	CREATE TABLE pledge_notes (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		id TEXT NOT NULL UNIQUE,
		pledge_id TEXT NOT NULL REFERENCES pledges (id),
		day TEXT NOT NULL,
		text TEXT NOT NULL,
		created_at TEXT NOT NULL
	);
	CREATE INDEX pledge_notes_pledge ON pledge_notes (pledge_id, day DESC, seq DESC);
	`,
	// The ledger's last public change is its newest pledge audit entry's time, as on PostgreSQL
	// (src/lib/server/pledges/ledger.ts); the row keeps the time before any change, as PostgreSQL's does.
	`
	ALTER TABLE ledger RENAME COLUMN updated_at TO created_at;
	CREATE INDEX audit_log_pledges_at ON audit_log (at) WHERE action NOT LIKE 'question%';
	`,
	// Issue 22, local governments' reporting: invitations, reporters and their sessions; a pledge's
	// verification (a reporter's submission waits for an organizer) and its author; notes by reporters,
	// with evidence, hidden by organizers with a reason; each pledge's version in another language.
	`
	ALTER TABLE pledges ADD COLUMN verification TEXT NOT NULL DEFAULT 'published' CHECK (verification IN ('pending', 'published', 'returned'));
	ALTER TABLE pledges ADD COLUMN reporter_id TEXT;
	ALTER TABLE pledges ADD COLUMN lang TEXT;
	ALTER TABLE pledges ADD COLUMN verified_at TEXT;
	ALTER TABLE pledges ADD COLUMN return_reason TEXT;
	CREATE INDEX pledges_verification ON pledges (verification, seq);
	CREATE INDEX pledges_government ON pledges (country, government);
	CREATE TABLE pledge_translations (
		pledge_id TEXT NOT NULL REFERENCES pledges (id),
		lang TEXT NOT NULL,
		title TEXT NOT NULL,
		description TEXT,
		updated_at TEXT NOT NULL,
		PRIMARY KEY (pledge_id, lang)
	);
	ALTER TABLE pledge_notes ADD COLUMN reporter_id TEXT;
	ALTER TABLE pledge_notes ADD COLUMN lang TEXT;
	ALTER TABLE pledge_notes ADD COLUMN evidence_url TEXT;
	ALTER TABLE pledge_notes ADD COLUMN hidden_at TEXT;
	ALTER TABLE pledge_notes ADD COLUMN hidden_reason TEXT;
	ALTER TABLE audit_log ADD COLUMN government TEXT;
	CREATE TABLE reporters (
		id TEXT PRIMARY KEY,
		email TEXT NOT NULL UNIQUE,
		government TEXT NOT NULL,
		country TEXT NOT NULL,
		lang TEXT NOT NULL,
		password_hash TEXT NOT NULL,
		created_at TEXT NOT NULL,
		revoked_at TEXT
	);
	CREATE TABLE reporter_sessions (
		id_hash TEXT PRIMARY KEY,
		reporter_id TEXT NOT NULL REFERENCES reporters (id) ON DELETE CASCADE,
		expires_at TEXT NOT NULL
	);
	CREATE TABLE government_invitations (
		id TEXT PRIMARY KEY,
		token_hash TEXT NOT NULL UNIQUE,
		government TEXT NOT NULL,
		country TEXT NOT NULL,
		email TEXT NOT NULL,
		lang TEXT NOT NULL,
		invited_by TEXT NOT NULL,
		created_at TEXT NOT NULL,
		expires_at TEXT NOT NULL,
		spent_at TEXT,
		revoked_at TEXT,
		reporter_id TEXT
	);
	`,
	// Live captions (src/lib/server/captions/): captioners' tokens, the lines, the organizers' opening.
	`
	CREATE TABLE captioners (
		id TEXT PRIMARY KEY,
		email TEXT NOT NULL UNIQUE,
		token_hash TEXT NOT NULL,
		created_at TEXT NOT NULL
	);
	CREATE TABLE caption_lines (
		seq INTEGER PRIMARY KEY AUTOINCREMENT,
		id TEXT NOT NULL,
		lang TEXT NOT NULL,
		text TEXT NOT NULL,
		is_final INTEGER NOT NULL,
		is_hidden INTEGER NOT NULL DEFAULT 0,
		started_at TEXT NOT NULL,
		at TEXT NOT NULL,
		UNIQUE (lang, id)
	);
	CREATE INDEX caption_lines_lang ON caption_lines (lang, seq);
	CREATE TABLE caption_window (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		is_open INTEGER NOT NULL DEFAULT 0,
		updated_at TEXT NOT NULL
	);
	INSERT INTO caption_window (id, is_open, updated_at) VALUES (1, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
	`,
	// A pledge's last progress report (a status change or a note: src/lib/pledges/freshness.ts), kept on
	// each report, found here for the reports made before; the feeds (src/lib/server/pledges/progress.ts)
	// read one pledge's status changes by the index.
	`
	CREATE INDEX audit_log_pledge ON audit_log (pledge_id, seq);
	ALTER TABLE pledges ADD COLUMN last_report_at TEXT;
	UPDATE pledges SET last_report_at = (
		SELECT max(at) FROM (
			SELECT created_at AS at FROM pledge_notes WHERE pledge_id = pledges.id
			UNION ALL SELECT at FROM audit_log WHERE pledge_id = pledges.id AND action LIKE 'status-%'
		)
	);
	`,
	// CSV files uploaded to the console, waiting for their confirmation (src/lib/server/pledges/import-drafts.ts).
	`
	CREATE TABLE import_drafts (
		id TEXT PRIMARY KEY,
		organizer_id TEXT NOT NULL REFERENCES organizers (id) ON DELETE CASCADE,
		csv TEXT NOT NULL,
		expires_at TEXT NOT NULL
	);
	CREATE INDEX import_drafts_organizer ON import_drafts (organizer_id);
	`,
	// The speaker an organizer says is speaking now, for the broadcast overlay (src/lib/server/speaking/).
	`
	CREATE TABLE now_speaking (
		id INTEGER PRIMARY KEY CHECK (id = 1),
		speaker_id TEXT,
		updated_at TEXT NOT NULL
	);
	INSERT INTO now_speaking (id, speaker_id, updated_at) VALUES (1, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
	`,
	// Questions in other languages than they were asked in (src/lib/server/questions/translations.ts).
	`
	CREATE TABLE question_translations (
		question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
		lang TEXT NOT NULL,
		text TEXT NOT NULL,
		updated_at TEXT NOT NULL,
		PRIMARY KEY (question_id, lang)
	);
	`,
	// The public list's counts (issue 23): the pledges shown to the public, and those after a cursor, counted from
	// this index alone; pledges_verification (verification, seq) left each row to read for its withdrawn_at.
	`
	CREATE INDEX pledges_public ON pledges (verification, withdrawn_at, seq);
	`
];
