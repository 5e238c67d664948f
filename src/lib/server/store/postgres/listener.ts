import pg from 'pg';

/** The channel every instance LISTENs on; each committed change NOTIFYs it with the audit entry's number. */
export const CHANGES_CHANNEL = 'pledge_changes';
/** The questions' channel (store/questions.ts, through engine.ts): its payload names the instance that wrote. */
export const QUESTION_CHANGES_CHANNEL = 'question_changes';
/** The captions' channel (store/captions.ts), the same payload. */
export const CAPTION_CHANGES_CHANNEL = 'caption_changes';
/** Who is speaking now (store/speaking.ts), the same payload. */
export const SPEAKING_CHANGES_CHANNEL = 'speaking_changes';

const RETRY_MS = { first: 250, max: 5_000 };

/**
 * Hears every instance's committed changes on one dedicated, session-level connection (LISTEN does
 * not survive a transaction-pooling proxy). When the connection drops it reconnects with backoff,
 * and after every (re)connection calls `onChange` once without a payload: a notification missed while
 * disconnected then costs one re-read, not a wrong count. Each notification on `channel` calls it with
 * the notification's payload. Returns what stops listening.
 */
export function listenForChanges(url: string, onChange: (payload?: string) => void, channel = CHANGES_CHANNEL): () => void {
	let client: pg.Client | undefined;
	let retryMs = RETRY_MS.first;
	let retryTimer: ReturnType<typeof setTimeout> | undefined;
	let isStopped = false;

	function scheduleReconnect(): void {
		if (isStopped || retryTimer) return;
		retryTimer = setTimeout(() => {
			retryTimer = undefined;
			void connect();
		}, retryMs);
		retryTimer.unref();
		retryMs = Math.min(retryMs * 2, RETRY_MS.max);
	}

	async function connect(): Promise<void> {
		const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000, application_name: 'imrf-side-event listener', keepAlive: true });
		client = next;
		let isLost = false;
		const lost = (error?: Error) => {
			if (isLost) return;
			isLost = true;
			if (error && !isStopped) console.error('postgres: change listener lost its connection:', error.message);
			next.removeAllListeners('notification');
			void next.end().catch(() => {});
			if (client === next) client = undefined;
			scheduleReconnect();
		};
		next.on('error', lost);
		next.on('end', () => lost());
		next.on('notification', (message) => {
			if (message.channel === channel) onChange(message.payload ?? '');
		});
		try {
			await next.connect();
			await next.query(`LISTEN ${channel}`);
		} catch (error) {
			lost(error as Error);
			return;
		}
		if (isStopped) {
			void next.end().catch(() => {});
			return;
		}
		retryMs = RETRY_MS.first;
		onChange();
	}

	void connect();
	return () => {
		isStopped = true;
		clearTimeout(retryTimer);
		const current = client;
		client = undefined;
		void current?.end().catch(() => {});
	};
}
