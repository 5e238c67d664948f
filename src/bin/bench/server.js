// @ts-check
// The built server for a bench part: started the way `npm start` does (building first if needed),
// on a free port and a fresh SQLite file, so that figures come from the real thing.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../free-port.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A process's resident memory (VmRSS), in bytes. @param {number} pid */
export const rssBytesOf = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

/**
 * @param {{ env?: Record<string, string>, wrapper?: string[] }} [options] `wrapper`: a command the server runs under (e.g. prlimit)
 * @returns {Promise<{ origin: string, pid: number, databaseFile: string, rssBytes: () => number, cpuMs: () => number, stop: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
	const port = await freePort();
	const databaseFile = join(tmpdir(), `imrf-bench-${process.pid}-${Date.now()}.db`);
	const [command, ...args] = [...(options.wrapper ?? []), process.execPath, join(root, 'src/bin/start.js')];
	const child = spawn(command, args, {
		cwd: root,
		// ORIGIN: the server knows itself as this local address for its forms (serve.js would take PUBLIC_ORIGIN, set
		// so that a bench does not rebuild, and refuse the bench's own form posts as cross-site).
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://localhost:${port}`, DATABASE_URL: databaseFile, ...options.env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const origin = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error('server did not start within 180 s');
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	const pid = /** @type {number} */ (child.pid);
	return {
		origin,
		pid,
		databaseFile,
		rssBytes: () => rssBytesOf(pid),
		// utime + stime of /proc/<pid>/stat, in clock ticks (100 a second on Linux): the server's own CPU, which a busy machine distorts far less than a rate.
		cpuMs: () => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').slice(11, 13).reduce((sum, ticks) => sum + Number(ticks) * 10, 0),
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}
