import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { freePort } from '../../src/bin/free-port.js';
export { freePort };

export interface ServerOptions {
	/** Settings beside PORT, HOST and DATABASE_URL. */
	env?: Record<string, string>;
	/** A command the server runs under, e.g. `['prlimit', '--nofile=256:256']`. */
	wrapper?: string[];
	/** Where its standard error goes (inherited by default). */
	stderr?: 'inherit' | 'pipe';
	/** Where its standard output (the log) goes (nowhere by default). */
	stdout?: 'ignore' | 'pipe';
	/** The folder of another build (tests/support/fixture-site.ts); the repository's by default. */
	cwd?: string;
}

/** The built server in its own process (so a test can kill it), on the given port and store (a SQLite file or a postgres:// URL). */
export async function startServerProcess(port: number, databaseFile: string, options: ServerOptions = {}): Promise<ChildProcess> {
	const [command, ...args] = [...(options.wrapper ?? []), process.execPath, 'src/bin/serve.js'];
	const child = spawn(command, args, {
		cwd: options.cwd,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseFile, ...options.env },
		stdio: ['ignore', options.stdout ?? 'ignore', options.stderr ?? 'inherit']
	});
	const deadline = Date.now() + 30_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
		try {
			if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return child;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw new Error('server did not start');
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** A server of a test's own: its origin, and a graceful stop. */
export async function ownServer(databaseFile: string, options: ServerOptions = {}) {
	const port = await freePort();
	const child = await startServerProcess(port, databaseFile, options);
	return {
		port,
		origin: `http://localhost:${port}`,
		child,
		exited: () => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)))),
		async stop() {
			if (child.exitCode !== null) return;
			const exited = new Promise((resolve) => child.once('exit', resolve));
			child.kill('SIGTERM');
			await exited;
		}
	};
}

/** One HTTP request with the path sent exactly as given (fetch would normalize `/./`, `..` and `//`). */
export function rawRequest(
	port: number,
	path: string,
	options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
	return new Promise((resolve, reject) => {
		const request = http.request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
		});
		request.once('error', reject);
		request.end(options.body);
	});
}
