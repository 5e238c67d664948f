// @ts-check
// An organizer's API token for a bench part, made the documented way (`npm run organizers -- add`).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** @param {string} databaseUrl the server's store (a SQLite file or a PostgreSQL URL) */
export function createToken(databaseUrl) {
	const output = execFileSync(
		process.execPath,
		['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/organizers.ts', 'add', `bench-${Date.now()}@example.org`],
		{ cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' }
	);
	const match = /^token: (\S+)$/m.exec(output);
	if (!match) throw new Error(`no token in: ${output}`);
	return match[1];
}
