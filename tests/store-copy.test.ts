import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createDatabase } from '../src/bin/throwaway-postgres.js';
import { recordPledge } from './support/organizer-token';
import { createOrganizer, uniqueTitle } from './support/organizers';
import { ownServer } from './support/server-process';

// Moving a running site from SQLite to PostgreSQL with `npm run store -- copy`, between real servers:
// what people were doing on the first goes on on the second. The cluster is the one
// tests/support/postgres-setup.ts started (or TEST_DATABASE_URL); the build exists already.
const dir = mkdtempSync(join(tmpdir(), 'imrf-store-copy-'));
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

function storeCommand(args: string[], databaseUrl: string): string {
	return execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/store.ts', ...args], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
}

async function signIn(origin: string, organizer: { email: string; password: string }): Promise<string> {
	const response = await fetch(`${origin}/organizers?/signIn`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		body: new URLSearchParams({ email: organizer.email, password: organizer.password })
	});
	expect(response.status).toBe(303);
	return response.headers
		.getSetCookie()
		.map((cookie) => cookie.split(';')[0])
		.join('; ');
}

/** Whether the console opens for this cookie (signed out, it shows the sign-in form instead). */
async function isSignedIn(origin: string, cookie: string): Promise<boolean> {
	const response = await fetch(`${origin}/organizers?lang=en`, { headers: { cookie }, redirect: 'manual' });
	return response.status === 200 && !(await response.text()).includes('?/signIn');
}

const count = async (origin: string) => ((await (await fetch(`${origin}/api/pledges`)).json()) as { count: number }).count;

test('an organizer signed in on the SQLite site is still signed in on the PostgreSQL site it was copied to, with the same pledges', async () => {
	test.setTimeout(120_000);
	const sqliteFile = join(dir, 'site.db');
	const postgresUrl = await createDatabase(process.env.TEST_DATABASE_URL!, 'imrf_moved');
	const before = await ownServer(sqliteFile);
	let after: Awaited<ReturnType<typeof ownServer>> | undefined;
	try {
		const organizer = createOrganizer(sqliteFile);
		const cookie = await signIn(before.origin, organizer);
		expect(await isSignedIn(before.origin, cookie)).toBe(true);
		for (const label of ['Before the move', 'Also before']) await recordPledge(before.origin, organizer.token, uniqueTitle(label));
		const counted = await count(before.origin);

		// Copied while the SQLite site still runs.
		const output = storeCommand(['copy', '--to', postgresUrl], sqliteFile);
		expect(output).toMatch(/^Verified/m);
		await before.stop();

		after = await ownServer(postgresUrl);
		expect(await isSignedIn(after.origin, cookie)).toBe(true);
		expect(await count(after.origin)).toBe(counted);
		await recordPledge(after.origin, organizer.token, uniqueTitle('After the move'));
		expect(await count(after.origin)).toBe(counted + 1);
	} finally {
		await before.stop();
		await after?.stop();
	}
});
