import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/**
 * A new organizer in the store the test server uses, created the way people do it: with
 * `npm run organizers -- add` against the same SQLite file while the server runs.
 */
export function createOrganizer(databaseUrl = process.env.E2E_DATABASE_URL): { email: string; password: string; token: string } {
	const email = `organizer-${randomUUID()}@example.org`;
	const output = execFileSync(
		process.execPath,
		['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/organizers.ts', 'add', email],
		{ env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' }
	);
	const line = (name: string) => {
		const match = new RegExp(`^${name}: (\\S+)$`, 'm').exec(output);
		if (!match) throw new Error(`no ${name} line in: ${output}`);
		return match[1];
	};
	return { email, password: line('password'), token: line('token') };
}

export const uniqueTitle = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;
