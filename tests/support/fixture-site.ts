import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess, freePort } from './server-process';

// What a build reads: settings are baked into prerendered pages, so other settings need a build of their own.
const SOURCES = ['src', 'locales', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json'];

export interface FixtureSite {
	origin: string;
	stop: () => Promise<void>;
}

/**
 * The site built with other settings (and, through SOURCE_DATE_EPOCH, at another instant) in a
 * temporary folder, then served by its own server on a free port: the repository's build/ stays untouched.
 */
export async function startFixtureSite(env: Record<string, string>): Promise<FixtureSite> {
	const root = process.cwd();
	const dir = mkdtempSync(join(tmpdir(), 'imrf-fixture-'));
	for (const source of SOURCES) cpSync(join(root, source), join(dir, source), { recursive: true });
	symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
	// The test run's own settings (e.g. a developer's PUBLIC_*) must not leak into the fixture.
	const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('PUBLIC_') && name !== 'SOURCE_DATE_EPOCH'));
	const build = spawnSync(process.execPath, [join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], {
		cwd: dir,
		env: { ...cleanEnv, ...env },
		encoding: 'utf8'
	});
	if (build.status !== 0) throw new Error(`fixture build failed:\n${build.stdout}\n${build.stderr}`);
	const port = await freePort();
	const server = await startServerProcess(port, join(dir, 'site.db'), { cwd: dir, env });
	return {
		origin: `http://localhost:${port}`,
		stop: () =>
			new Promise<void>((resolve) => {
				const done = () => {
					rmSync(dir, { recursive: true, force: true });
					resolve();
				};
				if (server.exitCode !== null) return done();
				server.once('exit', done);
				server.kill('SIGTERM');
			})
	};
}
