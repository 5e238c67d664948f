import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { testDatabaseUrl } from './engine';

/**
 * A new organizer in the store the test server uses, created the way people do it: with
 * `npm run organizers -- add` against the same SQLite file while the server runs.
 */
export function createOrganizer(databaseUrl = testDatabaseUrl()): { email: string; password: string; token: string } {
	const email = `organizer-${randomUUID()}@example.org`;
	const output = organizersCommand(['add', email], databaseUrl);
	const line = (name: string) => {
		const match = new RegExp(`^${name}: (\\S+)$`, 'm').exec(output);
		if (!match) throw new Error(`no ${name} line in: ${output}`);
		return match[1];
	};
	return { email, password: line('password'), token: line('token') };
}

const shared = new Map<string, ReturnType<typeof createOrganizer>>();

/**
 * An organizer made once per test worker and store, with the same command: for tests that need
 * someone allowed to write or signed in, not someone new. Each `createOrganizer` starts a Node process
 * and hashes a password, seconds on a busy machine; a test about accounts themselves (removal,
 * throttling, sessions) makes its own.
 */
export function sharedOrganizer(databaseUrl = testDatabaseUrl()): ReturnType<typeof createOrganizer> {
	let organizer = shared.get(databaseUrl);
	if (!organizer) shared.set(databaseUrl, (organizer = createOrganizer(databaseUrl)));
	return organizer;
}

/** `npm run organizers -- <args>` against the test store; its output. */
export function organizersCommand(args: string[], databaseUrl = testDatabaseUrl()): string {
	return execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/organizers.ts', ...args], {
		env: { ...process.env, DATABASE_URL: databaseUrl },
		encoding: 'utf8'
	});
}

export const uniqueTitle = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

/**
 * Signs an organizer in to the console in English, the way people do: the worker's, unless the test
 * needs one of its own (one whose audit entries it counts); the organizer.
 */
export async function signIn(page: Page, organizer = sharedOrganizer()) {
	await page.goto('/organizers?lang=en');
	await page.getByLabel('Email').fill(organizer.email);
	await page.getByLabel('Password').fill(organizer.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Organizers’ console' })).toBeVisible();
	return organizer;
}
