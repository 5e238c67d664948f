import { sveltekit } from '@sveltejs/kit/vite';
import { islandsEntry } from './src/lib/islands/vite-plugin.js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit(), islandsEntry()],
	// When the site was built: prerendered pages may state the event's phase only if it can no longer change (src/lib/event/built-at.ts).
	define: { __BUILT_AT__: JSON.stringify(new Date().toISOString()) },
	test: {
		include: ['src/**/*.spec.ts'],
		// A PostgreSQL for the store's suites (TEST_DATABASE_URL, or a throwaway cluster).
		globalSetup: ['src/lib/server/store/postgres/test-cluster.ts'],
		environment: 'node'
	}
});
