import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { createDatabase } from '../../../../bin/throwaway-postgres.js';
import { questionStoreContract } from '../../questions/contract';
import { storeContract } from '../contract';
import type { Store } from '../types';
import { openPostgresStore } from './index';

// The cluster: TEST_DATABASE_URL, or the throwaway one src/lib/server/store/postgres/test-cluster.ts started.
const adminUrl = inject('postgresUrl');

storeContract('PostgreSQL', () => {
	let url: Promise<string> | undefined;
	const database = () => (url ??= createDatabase(adminUrl, 'imrf_contract'));
	return {
		open: async () => openPostgresStore(await database()),
		reopen: async () => openPostgresStore(await database())
	};
});

questionStoreContract('PostgreSQL', async () => {
	const store = await openPostgresStore(await createDatabase(adminUrl, 'imrf_questions'));
	return {
		store: store.questions,
		auditActions: async () => (await store.auditLog(1_000)).map((entry) => entry.action).reverse(),
		close: () => store.close()
	};
});

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
