/** The PostgreSQL store's schema, one step per entry, applied in order and never edited once shipped (recorded in `migrations`). */
export const POSTGRES_MIGRATIONS: readonly string[] = [
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
	`
];
