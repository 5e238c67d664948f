// @ts-check
// nginx for the bench parts that need it (scale-out's proxy, the nginx+nchan reference): Debian's
// binary run from a configuration of its own in a temporary folder, in the foreground, one worker
// process, its limits raised for the crowd, stopped with its folder.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLimits } from '../file-limits.js';
import { freePort } from '../free-port.js';
import { rssBytesOf } from './server.js';

/** Where nginx is, or undefined when it is not installed (`apt-get install nginx-light`). */
export function nginxBinary() {
	for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
		try {
			execFileSync(candidate, ['-v'], { stdio: 'ignore' });
			return candidate;
		} catch {
			// next
		}
	}
	return undefined;
}

/** Where Debian's nchan module is (`apt-get install libnginx-mod-nchan`), or undefined. */
export function nchanModule() {
	return ['/usr/lib/nginx/modules/ngx_nchan_module.so', '/usr/local/nginx/modules/ngx_nchan_module.so'].find((path) => existsSync(path));
}

/** The pids of `parent`'s child processes (nginx's workers), from /proc. @param {number} parent */
function childrenOf(parent) {
	return readdirSync('/proc')
		.filter((entry) => /^\d+$/.test(entry))
		.filter((pid) => {
			try {
				// The parent pid is the second field after the command's closing parenthesis.
				return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === parent;
			} catch {
				return false; // gone meanwhile
			}
		})
		.map(Number);
}

/**
 * Starts nginx on a free port of 127.0.0.1 and waits until it answers.
 * @param {{ server: string, http?: string, modules?: string[], connections: number }} options
 *   `server`: the directives of the one `server` block (`listen` is added); `http`: more at the `http` level;
 *   `modules`: paths of dynamic modules to load; `connections`: the most connections the worker holds at once (a proxy: two per viewer).
 */
export async function startNginx(options) {
	const binary = nginxBinary();
	if (!binary) throw new Error('nginx not found: apt-get install nginx-light');
	// Without the right to raise it (a container's), the worker keeps the hard limit it inherits.
	const hard = readLimits()?.hard ?? Infinity;
	if (hard < options.connections + 1024) console.log(`(nginx may run short of file descriptors for ${options.connections} connections: the open-files hard limit here is ${hard}, see ulimit -Hn)`);
	const dir = mkdtempSync(join(tmpdir(), 'imrf-nginx-'));
	const port = await freePort();
	// One worker, as the site is one process; a file descriptor per connection and a margin for the rest.
	writeFileSync(
		join(dir, 'nginx.conf'),
		`${(options.modules ?? []).map((path) => `load_module ${path};\n`).join('')}worker_processes 1;
worker_rlimit_nofile ${options.connections + 1024};
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections ${options.connections + 512}; }
http {
	access_log off;
	${options.http ?? ''}
	server {
		listen 127.0.0.1:${port};
		${options.server}
	}
}
`
	);
	const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
	const origin = `http://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode} (its configuration: ${join(dir, 'nginx.conf')})`);
		try {
			// Any answer (a 404, a 502) means it listens.
			await fetch(origin);
			break;
		} catch {
			if (i > 100) throw new Error('nginx did not start');
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}
	const master = /** @type {number} */ (child.pid);
	return {
		origin,
		port,
		/** The resident memory of nginx's worker process(es): where the connections live. */
		workerRssBytes: () => childrenOf(master).reduce((sum, pid) => sum + rssBytesOf(pid), 0),
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				// A fast stop: a graceful one would wait for every held stream to end.
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}
