/**
 * Faults of the store's medium rather than of a request: a full or read-only disk, an I/O error, a
 * file removed or replaced under the running server, a store that is closed. They answer `503`
 * (try again later; nothing was stored), never `500`, and the store recovers by itself when the
 * medium does.
 */
export class StoreUnavailableError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'StoreUnavailableError';
	}
}

// SQLite primary result codes that say the medium failed: BUSY (locked past busy_timeout),
// READONLY, IOERR, CORRUPT, FULL, CANTOPEN, NOTADB.
const MEDIUM_FAULTS = new Set([5, 8, 10, 11, 13, 14, 26]);

export function isStoreFault(error: unknown): boolean {
	if (error instanceof StoreUnavailableError) return true;
	if (!(error instanceof Error)) return false;
	const { code, errcode } = error as Error & { code?: string; errcode?: number };
	if (code === 'ERR_SQLITE_ERROR' && typeof errcode === 'number') return MEDIUM_FAULTS.has(errcode & 0xff);
	// node:sqlite on a closed database.
	return code === 'ERR_INVALID_STATE' && /database is not open/i.test(error.message);
}
