import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './src/bin/chromium-path.js';

// Debian's Chromium where Playwright cannot download its own (CHROMIUM_PATH, or /usr/bin/chromium);
// Playwright's own browser everywhere else.
const executablePath = chromiumPath();

export const PORT = Number(process.env.TEST_PORT ?? 4173);
// A fresh SQLite file per run; set once here and inherited by the test workers.
process.env.E2E_DATABASE_URL ??= join(tmpdir(), `imrf-e2e-${process.pid}-${Date.now()}.db`);

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.test.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : undefined,
	retries: 0,
	// Long journeys (the console, axe on several pages) need room on a loaded 2-core machine.
	timeout: 60_000,
	reporter: 'list',
	// A PostgreSQL for the tests that run several instances (tests/instances.test.ts).
	globalSetup: './tests/support/postgres-setup.ts',
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath,
			args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		// The real, built server on a fresh SQLite file, started the way `npm start` does.
		command: 'node src/bin/start.js',
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		timeout: 180_000,
		stdout: 'pipe',
		env: {
			PORT: String(PORT),
			HOST: '127.0.0.1',
			DATABASE_URL: process.env.E2E_DATABASE_URL
		}
	}
});
