import { sveltekit } from '@sveltejs/kit/vite';
import { eventDocument } from './src/lib/event/vite-plugin.ts';
import { islandsEntry } from './src/lib/islands/vite-plugin.js';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [eventDocument(), sveltekit(), islandsEntry()],
	// When the site was built: prerendered pages may state the event's phase only if it can no longer change (src/lib/event/built-at.ts).
	// SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) fixes it, e.g. for a test build made "before" the event.
	define: { __BUILT_AT__: JSON.stringify(new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now()).toISOString()) },
	// The bundler's table of plugin timings, printed on every build, says nothing a builder can act on.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	test: {
		include: ['src/**/*.spec.ts', 'tests/**/*.spec.ts'],
		// A PostgreSQL for the store's suites (TEST_DATABASE_URL, or a throwaway cluster).
		globalSetup: ['tests/support/vitest-postgres.ts'],
		environment: 'node',
		// The store's suites spend most of their time waiting on PostgreSQL and the disk: two workers at
		// least (Vitest would take one on a 2-core machine), so that one engine's suite runs while the other waits.
		maxWorkers: Math.max(2, availableParallelism()),
		// Room for a busy machine (password hashing, a thousand pledges): a timeout says "stuck", not "slow".
		testTimeout: 30_000,
		hookTimeout: 30_000,
		// The stores the suites open log each migration (src/lib/server/log/logger.js): only warnings here.
		env: { LOG_LEVEL: 'warn' }
	}
});
