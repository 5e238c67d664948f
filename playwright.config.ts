import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { testBrowserPath } from './src/bin/chromium-path.js';

// Debian's Chromium where Playwright cannot download its own (its headless shell when installed, else
// CHROMIUM_PATH or /usr/bin/chromium); Playwright's own browser everywhere else.
const executablePath = testBrowserPath();

export const PORT = Number(process.env.TEST_PORT ?? 4173);
// A fresh SQLite file per run; set once here and inherited by the test workers.
process.env.E2E_DATABASE_URL ??= join(tmpdir(), `imrf-e2e-${process.pid}-${Date.now()}.db`);

// The tests tagged BOTH_ENGINES (tests/support/engine.ts) run a second time on PostgreSQL (project
// `postgres`): a second server on a free port, on a database of TEST_DATABASE_URL's server or of a
// throwaway cluster (tests/support/postgres-web-server.js). Chosen once here; the workers inherit them.
const freePortNow = () => Number(execFileSync(process.execPath, ['src/bin/free-port.js', '--print'], { encoding: 'utf8' }).trim());
process.env.E2E_POSTGRES_WEB_PORT ??= String(freePortNow());
// The server the database lives on (postgres-web-server.js starts it when it is a throwaway one).
process.env.E2E_POSTGRES_SERVER ??= process.env.TEST_DATABASE_URL ?? `throwaway:${freePortNow()}`;
process.env.E2E_POSTGRES_DATABASE ??= `imrf_e2e_${process.pid}`;
const postgresWebPort = Number(process.env.E2E_POSTGRES_WEB_PORT);
const postgresDatabaseUrl = (() => {
	const server = process.env.E2E_POSTGRES_SERVER;
	const url = new URL(server.startsWith('throwaway:') ? `postgres://postgres@127.0.0.1:${server.slice('throwaway:'.length)}/postgres` : server);
	url.pathname = `/${process.env.E2E_POSTGRES_DATABASE}`;
	return url.href;
})();

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.test.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	// Long journeys (the console, axe on several pages) need room on a loaded 2-core machine.
	timeout: 60_000,
	// A condition a loaded 2-core machine meets late is still met: an assertion waits up to 10 s (5 by default).
	expect: { timeout: 10_000 },
	reporter: 'list',
	// A PostgreSQL for the tests that run several instances (tests/instances.test.ts).
	globalSetup: './tests/support/postgres-setup.ts',
	use: {
		baseURL: `http://localhost:${PORT}`,
		// A trace records every action of every test to keep the failing ones': about a third of the runner's CPU
		// (measured on two files, 51 against 34 s). CI keeps only what the run prints, so it records none.
		trace: process.env.CI ? 'off' : 'retain-on-failure',
		// Each fresh context would install the offline cache (every asset and prerendered page): only
		// the tests of that cache allow it (tests/offline.test.ts, the script policy's test).
		serviceWorkers: 'block',
		launchOptions: {
			executablePath,
			args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		}
	},
	projects: [
		{ name: 'chromium', use: { ...devices['Desktop Chrome'] } },
		{
			name: 'postgres',
			grep: /@both-engines/,
			metadata: { databaseUrl: postgresDatabaseUrl },
			use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${postgresWebPort}` }
		}
	],
	webServer: [{
		// The real, built server on a fresh SQLite file, started the way `npm start` does.
		command: 'node src/bin/start.js',
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATABASE_URL: process.env.E2E_DATABASE_URL,
			// A line per request would bury the tests' own output: warnings and errors only.
			LOG_LEVEL: 'warn'
		}
	},
	{
		// After the first one, which has built the site.
		command: 'node tests/support/postgres-web-server.js',
		url: `http://localhost:${postgresWebPort}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
		env: { PORT: String(postgresWebPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn' }
	}]
});
