// @ts-check
// A throwaway PostgreSQL for the tests and the bench: a fresh cluster in a temporary folder, on a
// free loopback port, from the PostgreSQL binaries on this machine (Debian's `postgresql` package,
// which .ci/run installs when missing). PostgreSQL refuses to run as root: as root, the cluster
// belongs to and runs as `nobody`.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

/** The folder holding initdb and postgres: PG_BIN, else `pg_config --bindir`, else Debian's newest. */
export function postgresBinDir() {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	try {
		const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		if (existsSync(join(dir, 'initdb'))) return dir;
	} catch {
		// no pg_config on PATH
	}
	const debian = '/usr/lib/postgresql';
	const versions = existsSync(debian) ? readdirSync(debian).filter((name) => existsSync(join(debian, name, 'bin', 'initdb'))) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	if (versions.length === 0) throw new Error('No PostgreSQL binaries found (install Debian\'s "postgresql" package, or set PG_BIN or TEST_DATABASE_URL)');
	return join(debian, versions[0], 'bin');
}

/** As root, the user to run PostgreSQL as (`nobody`); otherwise ourselves. */
function runAs() {
	if (process.getuid?.() !== 0) return {};
	const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

/** Settings that give up durability across a crash of the machine, never across a restart of PostgreSQL. */
const NOT_DURABLE = ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'];

/**
 * Starts a new cluster; `url` reaches its `postgres` database as superuser `postgres` (trust
 * authentication, loopback only). `stop()` ends it and removes its folder; `restart()` stops and
 * starts it on the same folder and port (as a database restart would); `kill()` stops it without
 * restarting. `durable: false` (the tests) turns off what only protects committed work from a crash of the
 * machine (fsync, full-page writes, waiting for the WAL's flush): a database copied per test then costs a
 * fraction of the disk's time. The bench keeps the default, durable, since it measures durable writes.
 * @param {{ log?: boolean, port?: number, durable?: boolean }} [options]
 */
export async function startThrowawayPostgres(options = {}) {
	const bin = postgresBinDir();
	const dir = mkdtempSync(join(tmpdir(), 'imrf-pg-'));
	const data = join(dir, 'data');
	const user = runAs();
	if (user.uid !== undefined) chownSync(dir, user.uid, /** @type {number} */ (user.gid));
	execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], {
		...user,
		cwd: dir,
		stdio: ['ignore', 'ignore', 'pipe']
	});
	const port = options.port ?? (await freePort());
	const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
	/** @type {import('node:child_process').ChildProcess | undefined} */
	let server;

	async function start() {
		const child = spawn(
			join(bin, 'postgres'),
			['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'shared_buffers=32MB', ...(options.durable === false ? NOT_DURABLE : [])],
			{ ...user, cwd: dir, stdio: ['ignore', 'ignore', options.log ? 'inherit' : 'ignore'] }
		);
		server = child;
		const deadline = Date.now() + 60_000;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}`);
			const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
			try {
				await client.connect();
				await client.query('SELECT 1');
				await client.end();
				return;
			} catch {
				await client.end().catch(() => {});
			}
			if (Date.now() > deadline) throw new Error('postgres did not start within 60 s');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** Fast shutdown (SIGINT): open connections are closed, committed work is kept. */
	async function halt() {
		const child = server;
		server = undefined;
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		await new Promise((resolve) => {
			child.once('exit', resolve);
			child.kill('SIGINT');
		});
	}

	await start();
	return {
		url,
		port,
		/** A new, empty database on this cluster; its URL. */
		async createDatabase(prefix = 'imrf') {
			return createDatabase(url, prefix);
		},
		kill: halt,
		start,
		async restart() {
			await halt();
			await start();
		},
		async stop() {
			await halt();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * A new, empty database on the server `adminUrl` reaches (whose user may CREATE DATABASE); its URL.
 * Given a `template` (a database's name, with no one connected to it), a copy of that database instead.
 * @param {string} adminUrl
 * @param {string} [template]
 */
export async function createDatabase(adminUrl, prefix = 'imrf', name = `${prefix}_${randomBytes(6).toString('hex')}`, template) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
	} finally {
		await client.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.href;
}
