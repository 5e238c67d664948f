// What the console's waiting CSV files (src/lib/server/pledges/import-drafts.ts) must be on every engine:
// one suite run on each by tests/store/contracts.ts. Not a spec file itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IMPORT_DRAFT_LIFETIME_MS } from '$lib/server/pledges/import-drafts';
import type { Store } from '$lib/server/store/types';
import type { EngineUnderTest } from './questions-contract';

const file = (title: string) => `government,country,title\nVille de Grigny,FR,${title}\n`;

export function importDraftsContract(engine: string, open: () => Promise<EngineUnderTest>): void {
	describe(`the console's CSV files waiting for confirmation (${engine})`, () => {
		let engineUnderTest: EngineUnderTest;
		let store: Store;
		let organizer: string;
		let other: string;

		beforeEach(async () => {
			vi.useFakeTimers({ toFake: ['Date'] });
			engineUnderTest = await open();
			store = engineUnderTest.site;
			organizer = (await store.organizers.add('organizer@example.org')).organizer.id;
			other = (await store.organizers.add('colleague@example.org')).organizer.id;
		});
		afterEach(async () => {
			await engineUnderTest.close();
			vi.useRealTimers();
		});

		it('keeps an uploaded file for its organizer to read again, as it was sent', async () => {
			const csv = file('Welcome desks, “quoted”\r\n');
			const id = await store.importDrafts.save(organizer, csv);
			expect(await store.importDrafts.read(id, organizer)).toBe(csv);
			expect(await store.importDrafts.read(id, organizer)).toBe(csv);
		});

		it('shows a file to its organizer only', async () => {
			const id = await store.importDrafts.save(organizer, file('Mine'));
			expect(await store.importDrafts.read(id, other)).toBeUndefined();
			expect(await store.importDrafts.take(id, other)).toBeUndefined();
			expect(await store.importDrafts.read(id, organizer)).toBe(file('Mine'));
		});

		it('gives a file to one confirmation only', async () => {
			const id = await store.importDrafts.save(organizer, file('Once'));
			const [first, second] = await Promise.all([store.importDrafts.take(id, organizer), store.importDrafts.take(id, organizer)]);
			expect([first, second].filter(Boolean)).toEqual([file('Once')]);
			expect(await store.importDrafts.read(id, organizer)).toBeUndefined();
		});

		it('keeps one file an organizer: a new upload replaces the last', async () => {
			const first = await store.importDrafts.save(organizer, file('First'));
			const theirs = await store.importDrafts.save(other, file('Theirs'));
			const second = await store.importDrafts.save(organizer, file('Second'));
			expect(await store.importDrafts.read(first, organizer)).toBeUndefined();
			expect(await store.importDrafts.read(second, organizer)).toBe(file('Second'));
			expect(await store.importDrafts.read(theirs, other)).toBe(file('Theirs'));
		});

		it('forgets a file once its lifetime is over', async () => {
			const id = await store.importDrafts.save(organizer, file('Late'));
			vi.setSystemTime(Date.now() + IMPORT_DRAFT_LIFETIME_MS - 1000);
			expect(await store.importDrafts.read(id, organizer)).toBe(file('Late'));
			vi.setSystemTime(Date.now() + 2000);
			expect(await store.importDrafts.read(id, organizer)).toBeUndefined();
			expect(await store.importDrafts.take(id, organizer)).toBeUndefined();
		});

		it('goes with its organizer', async () => {
			const id = await store.importDrafts.save(organizer, file('Gone'));
			await store.organizers.remove('organizer@example.org');
			expect(await store.importDrafts.read(id, organizer)).toBeUndefined();
		});
	});
}
