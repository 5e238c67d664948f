import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../src/bin/throwaway-postgres.js';
import { openPostgresStore } from '$lib/server/store/postgres/index';
import { POSTGRES_MIGRATIONS } from '$lib/server/store/postgres/migrations';
import type { Store } from '$lib/server/store/types';

// The cluster: TEST_DATABASE_URL, or the throwaway one tests/support/vitest-postgres.ts started.
const adminUrl = inject('postgresUrl');

describe('the questions store on several PostgreSQL instances', () => {
	const actor = { id: 'organizer-1', email: 'moderator@example.org' };
	let stores: Store[] = [];

	beforeEach(async () => {
		const url = await createDatabase(adminUrl, 'imrf_questions_shared');
		stores = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
	});
	afterEach(async () => {
		await Promise.all(stores.map((store) => store.close()));
	});

	it('lets one browser past its pending limit only once when it asks on two instances at the same moment', async () => {
		const [a, b] = stores;
		await a.questions.setOpen(true, actor);
		const limits = { pendingPerBrowser: 2, pendingPerAddress: 100, askedPerHourPerBrowser: 100, askedPerHourPerAddress: 100 };
		const outcomes = await Promise.all(
			Array.from({ length: 8 }, (_, index) => (index % 2 ? b : a).questions.ask({ text: `Race ${index}`, lang: 'en' }, { browser: 'racer', addresses: [`address-${index}`] }, limits))
		);
		expect(outcomes.filter((outcome) => outcome.kind === 'accepted')).toHaveLength(2);
		expect(outcomes.filter((outcome) => outcome.kind === 'limited')).toHaveLength(6);
		expect(await b.questions.list('pending')).toHaveLength(2);
	});

	it('tells the other instance’s listeners of a change made on one', async () => {
		const [a, b] = stores;
		let heard = 0;
		const listening = new Promise<void>((resolve) => {
			const stop = b.questions.changes.subscribe(() => {
				heard++;
				stop();
				resolve();
			});
		});
		// LISTEN is set up when the first listener arrives: keep changing until B hears one.
		let attempt = 0;
		while (heard === 0) {
			await a.questions.setOpen(attempt++ % 2 === 0, actor);
			await Promise.race([listening, new Promise((resolve) => setTimeout(resolve, 100))]);
		}
		await listening;
		expect(heard).toBe(1);
	});
});

describe('the PostgreSQL search migration', () => {
	it('gives the pledges stored before it their search text', async () => {
		const url = await createDatabase(adminUrl, 'imrf_search_migration');
		// A store as the version before the search left it: three migrations and a pledge.
		const pool = new pg.Pool({ connectionString: url, max: 1 });
		try {
			await pool.query('CREATE TABLE migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)');
			for (const [index, step] of POSTGRES_MIGRATIONS.slice(0, 3).entries()) {
				await pool.query(step as string);
				await pool.query('INSERT INTO migrations (version, applied_at) VALUES ($1, now())', [index + 1]);
			}
			await pool.query(
				`INSERT INTO pledges (id, government, country, title, description, compacts, url, created_at, updated_at)
				 VALUES ('old-1', 'Ville de Montréal', 'CA', 'Accueil', 'Été solidaire', '{GCR}', NULL, now(), now())`
			);
		} finally {
			await pool.end();
		}
		const store = await openPostgresStore(url);
		try {
			expect((await store.list({ q: 'montreal ete' })).map((p) => p.id)).toEqual(['old-1']);
		} finally {
			await store.close();
		}
	});
});
