// @ts-check
// Made-up pledges for a bench part, through seed-pledges.ts (the store's own bulk insert).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Adds `count` pledges to the store. @param {string} databaseUrl @param {number} count */
export function seedPledges(databaseUrl, count) {
	execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/bench/seed-pledges.ts', String(count)], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl },
		stdio: 'inherit'
	});
}
