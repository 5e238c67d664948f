// @ts-check
// Pledges for the bench parts that read the list: added through the store's bulk insert (seed-pledges.ts).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Adds `count` pledges to the store `databaseUrl` names. @param {string} databaseUrl @param {number} count */
export function seedPledges(databaseUrl, count) {
	execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/bench/seed-pledges.ts', String(count)], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl },
		stdio: 'inherit'
	});
}
