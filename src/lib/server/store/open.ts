import { openSqliteStore } from './sqlite/index.ts';
import type { Store } from './types.ts';

/** `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is a SQLite path (or `file:` URL). */
export function isPostgresUrl(url: string | undefined): url is string {
	return /^postgres(ql)?:\/\//i.test(url?.trim() ?? '');
}

/** Opens the store named by `DATABASE_URL` (default: the SQLite file data/site.db) and brings its schema up to date. */
export async function openStore(url = process.env.DATABASE_URL): Promise<Store> {
	if (isPostgresUrl(url)) {
		const { openPostgresStore } = await import('./postgres/index.ts');
		return openPostgresStore(url.trim());
	}
	return openSqliteStore(url);
}
