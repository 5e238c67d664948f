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

/** `npm run organizers -- <args>` against the test store; its output. */
export function organizersCommand(args: string[], databaseUrl = testDatabaseUrl()): string {
	return execFileSync(process.execPath, ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', 'src/bin/organizers.ts', ...args], {
		env: { ...process.env, DATABASE_URL: databaseUrl },
		encoding: 'utf8'
	});
}

export const uniqueTitle = (label: string) => `${label} ${randomUUID().slice(0, 8)}`;

/** Signs a new organizer in to the console in English, the way people do; the organizer. */
export async function signIn(page: Page) {
	const organizer = createOrganizer();
	await page.goto('/organizers?lang=en');
	await page.getByLabel('Email').fill(organizer.email);
	await page.getByLabel('Password').fill(organizer.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Organizers’ console' })).toBeVisible();
	return organizer;
}
