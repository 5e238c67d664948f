import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync, unlinkSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { expect, test } from '@playwright/test';
import { createOrganizer, uniqueTitle } from './support/organizers';
import { ownServer } from './support/server-process';

// Bad days for the store, each on a server and a database file of its own.
test.describe.configure({ timeout: 120_000 });

const pledge = (title: string) => ({ government: 'Kampala Capital City Authority', country: 'UG', title, description: 'd'.repeat(1500), compacts: ['GCM'] });

async function post(origin: string, token: string, title: string, language = 'en') {
	const response = await fetch(`${origin}/api/pledges`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': language },
		body: JSON.stringify(pledge(title))
	});
	return { status: response.status, type: response.headers.get('content-type') ?? '', body: (await response.json()) as { message?: string; error?: string } };
}

const storedTitles = (file: string) => {
	const db = new DatabaseSync(file, { readOnly: true });
	try {
		return (db.prepare('SELECT title FROM pledges').all() as { title: string }[]).map((row) => row.title);
	} finally {
		db.close();
	}
};

function tryMount(dir: string, options: string): boolean {
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

test('a full disk: writes answer 503 in the request’s language, /healthz fails, and all recovers when space returns', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-full-'));
	test.skip(!tryMount(dir, 'size=3m'), 'mounting a small tmpfs needs root (CI runs as root)');
	const file = join(dir, 'site.db');
	const server = await ownServer(file);
	try {
		const { token } = createOrganizer(file);
		expect((await post(server.origin, token, uniqueTitle('Before the disk filled'))).status).toBe(201);
		// Fill what is left of the disk.
		const filler = openSync(join(dir, 'filler'), 'w');
		try {
			for (;;) writeSync(filler, Buffer.alloc(64 * 1024));
		} catch {
			// ENOSPC: the disk is full
		} finally {
			closeSync(filler);
		}
		const refused: string[] = [];
		let failure: Awaited<ReturnType<typeof post>> | undefined;
		for (let i = 0; i < 300 && !failure; i++) {
			const title = uniqueTitle('On a full disk');
			const answer = await post(server.origin, token, title, 'fr');
			if (answer.status !== 201) {
				failure = answer;
				refused.push(title);
			}
		}
		expect(failure?.status).toBe(503);
		expect(failure?.type).toContain('application/json');
		expect(failure?.body).toEqual({ error: 'store-unavailable', message: expect.stringContaining('rien n’a été enregistré') });
		const health = await fetch(`${server.origin}/healthz`);
		expect(health.status).toBe(503);
		expect(health.headers.get('x-store')).not.toBe('read-write');

		unlinkSync(join(dir, 'filler'));
		expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
		const after = uniqueTitle('After space returned');
		expect((await post(server.origin, token, after)).status).toBe(201);
		await server.stop();
		const titles = storedTitles(file);
		expect(titles).toContain(after);
		for (const title of refused) expect(titles).not.toContain(title);
	} finally {
		await server.stop();
		execFileSync('umount', [dir]);
		rmSync(dir, { recursive: true, force: true });
	}
});

test('the database file removed while the server runs: writes are refused with 503, never acknowledged', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-removed-'));
	const file = join(dir, 'site.db');
	const server = await ownServer(file);
	try {
		const { token } = createOrganizer(file);
		expect((await post(server.origin, token, uniqueTitle('Before removal'))).status).toBe(201);
		for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
		for (let i = 0; i < 5; i++) expect((await post(server.origin, token, uniqueTitle('After removal'))).status).toBe(503);
		const health = await fetch(`${server.origin}/healthz`);
		expect(health.status).toBe(503);
	} finally {
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
});

test('a damaged database stops the server at start with a message naming the file', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'imrf-damaged-'));
	const file = join(dir, 'site.db');
	writeFileSync(file, `SQLite format 3\0${'not a database '.repeat(400)}`);
	try {
		const child = spawn(process.execPath, ['src/bin/serve.js'], {
			env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: file },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
		expect(code).not.toBe(0);
		expect(output).toContain(file);
		expect(output).not.toContain('Listening');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});
