import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/bin/free-port.js';

const root = process.cwd();
const SOURCES = ['src', 'locales', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

export interface DataFixtureSite {
	folder: string;
	origin: string;
	stop(): Promise<void>;
}

/**
 * The site with data changed by `change` (a third language, other words) and settings `env` (such as
 * EVENT_DOCUMENT, another event), built and served the way `npm start` does, from a copy in a
 * temporary folder: nothing of it reaches the repository's build/ or ships. `stop` ends the server
 * and removes the folder.
 */
export async function startDataDataFixtureSite(label: string, change: (folder: string) => void, env: Record<string, string> = {}): Promise<DataFixtureSite> {
	const folder = mkdtempSync(join(tmpdir(), `imrf-fixture-${label}-`));
	for (const source of SOURCES) cpSync(join(root, source), join(folder, source), { recursive: true });
	symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
	change(folder);
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	let output = '';
	const server: ChildProcess = spawn(process.execPath, [join(folder, 'src/bin/start.js')], {
		cwd: folder,
		env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: join(folder, 'site.db'), PUBLIC_ORIGIN: origin },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// A worker that ends early (a timeout) takes its server along.
	const killServer = () => server.kill('SIGTERM');
	process.once('exit', killServer);
	server.stdout?.on('data', (chunk) => (output += chunk));
	server.stderr?.on('data', (chunk) => (output += chunk));
	const stop = async () => {
		process.off('exit', killServer);
		if (server.exitCode === null) {
			const exited = new Promise((resolve) => server.once('exit', resolve));
			server.kill('SIGTERM');
			await exited;
		}
		rmSync(folder, { recursive: true, force: true });
	};
	// The build takes a while on a busy machine: wait for the server, not for a duration.
	for (;;) {
		if (server.exitCode !== null) {
			await stop();
			throw new Error(`the ${label} fixture site did not start:\n${output.slice(-4000)}`);
		}
		const healthy = await fetch(`${origin}/healthz`).then((response) => response.ok, () => false);
		if (healthy) return { folder, origin, stop };
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
