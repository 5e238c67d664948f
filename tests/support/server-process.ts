import { spawn, type ChildProcess } from 'node:child_process';
export { freePort } from '../../src/bin/free-port.js';

/** The built server in its own process (so a test can kill it), on the given port and store (a SQLite file or a postgres:// URL). */
export async function startServerProcess(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<ChildProcess> {
	const child = spawn(process.execPath, ['src/bin/serve.js'], {
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const deadline = Date.now() + 60_000;
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
