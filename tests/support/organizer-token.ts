import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';

/** A new organizer's API token, made the documented way (`npm run organizers -- add`) on the test server's store. */
export function createOrganizerToken(databaseFile = process.env.E2E_DATABASE_URL): string {
	if (!databaseFile) throw new Error('E2E_DATABASE_URL is not set (playwright.config.ts sets it)');
	const output = execFileSync(
		process.execPath,
		['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/organizers.ts', 'add', `stream-${randomUUID()}@example.org`],
		{ env: { ...process.env, DATABASE_URL: databaseFile }, encoding: 'utf8' }
	);
	const token = /^token: (\S+)$/m.exec(output)?.[1];
	if (!token) throw new Error(`no token in: ${output}`);
	return token;
}

/** Who a recorded pledge is from, unless the test says otherwise. */
export const RECORDED_BY = { government: 'Kampala Capital City Authority', country: 'UG' } as const;

/** Records a pledge through the public API, as an organizer's console or script does. */
export async function recordPledge(origin: string, token: string, title: string, fields: { government?: string; country?: string } = {}): Promise<{ id: string }> {
	const response = await fetch(`${origin}/api/pledges`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: JSON.stringify({ ...RECORDED_BY, title, compacts: ['GCM', 'GCR'], ...fields })
	});
	if (response.status !== 201) throw new Error(`POST /api/pledges answered ${response.status}: ${await response.text()}`);
	return (await response.json()) as { id: string };
}
