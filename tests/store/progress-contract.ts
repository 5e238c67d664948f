// What the pledges' progress (src/lib/server/pledges/progress.ts, the feeds' events) must be on every
// engine: one suite run on each by tests/store/contracts.ts. Not a spec file itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Store } from '$lib/server/store/types';
import { organizerOf } from './engines';
import type { EngineUnderTest } from './questions-contract';

const pledge = (title: string, country = 'FR') => ({ government: 'Ville de Grigny', country, title, compacts: ['GCR' as const] });

export function progressContract(engine: string, open: () => Promise<EngineUnderTest>): void {
	describe(`the pledges’ progress (${engine})`, () => {
		let engineUnderTest: EngineUnderTest;
		let store: Store;
		let actor: { id: string; email: string };

		// Each write a second after the one before: events at the same instant would have no order to check.
		const later = () => vi.setSystemTime(Date.now() + 1000);
		beforeEach(async () => {
			vi.useFakeTimers({ toFake: ['Date'] });
			engineUnderTest = await open();
			store = engineUnderTest.site;
			actor = await organizerOf(store);
		});
		afterEach(async () => {
			await engineUnderTest.close();
			vi.useRealTimers();
		});

		it('lists what was recorded, each status change and each note, newest first', async () => {
			later();
			const recorded = await store.add(pledge('Welcome desks'), actor);
			later();
			await store.setStatus(recorded.id, 'in-progress', actor);
			later();
			const note = await store.addNote(recorded.id, { date: '2025-11-15', text: 'Two desks open.' }, actor);
			later();
			await store.setStatus(recorded.id, 'achieved', actor);
			const events = await store.progress.recent({}, 10);
			expect(events.map((event) => [event.kind, event.kind === 'status' ? event.status : event.kind === 'note' ? event.note.text : event.pledge.title])).toEqual([
				['status', 'achieved'],
				['note', 'Two desks open.'],
				['status', 'in-progress'],
				['recorded', 'Welcome desks']
			]);
			expect(events[1]).toMatchObject({ at: note!.createdAt, note: { id: note!.id, date: '2025-11-15' }, pledge: { id: recorded.id, government: 'Ville de Grigny', country: 'FR' } });
			expect(events.map((event) => event.at)).toEqual([...events.map((event) => event.at)].sort().reverse());
		});

		it('gives each event the same key at every reading, unique among its pledge’s events', async () => {
			later();
			const recorded = await store.add(pledge('Language classes'), actor);
			later();
			await store.setStatus(recorded.id, 'in-progress', actor);
			later();
			await store.setStatus(recorded.id, 'planned', actor);
			later();
			await store.addNote(recorded.id, { date: '2025-11-15', text: 'Started.' }, actor);
			const keys = (await store.progress.recent({}, 10)).map((event) => event.key);
			expect(new Set(keys).size).toBe(4);
			later();
			await store.add(pledge('Another'), actor);
			expect((await store.progress.recent({ pledgeId: recorded.id }, 10)).map((event) => event.key)).toEqual(keys);
		});

		it('keeps to one country or one pledge, and to the newest `limit` events', async () => {
			later();
			const french = await store.add(pledge('In France'), actor);
			later();
			const ugandan = await store.add(pledge('In Uganda', 'UG'), actor);
			later();
			await store.addNote(ugandan.id, { date: '2025-11-15', text: 'Ugandan note.' }, actor);
			later();
			await store.addNote(french.id, { date: '2025-11-16', text: 'French note.' }, actor);
			expect((await store.progress.recent({ country: 'UG' }, 10)).map((event) => event.pledge.id)).toEqual([ugandan.id, ugandan.id]);
			expect((await store.progress.recent({ pledgeId: french.id }, 10)).map((event) => event.kind)).toEqual(['note', 'recorded']);
			expect((await store.progress.recent({}, 2)).map((event) => event.kind === 'note' && event.note.text)).toEqual(['French note.', 'Ugandan note.']);
		});

		it('shows nothing of a withdrawn pledge, and all of it again once restored', async () => {
			later();
			const withdrawn = await store.add(pledge('Withdrawn'), actor);
			later();
			await store.setStatus(withdrawn.id, 'in-progress', actor);
			later();
			await store.addNote(withdrawn.id, { date: '2025-11-15', text: 'Gone.' }, actor);
			later();
			await store.withdraw(withdrawn.id, actor);
			expect(await store.progress.recent({}, 10)).toEqual([]);
			expect(await store.progress.recent({ pledgeId: withdrawn.id }, 10)).toEqual([]);
			later();
			await store.restore(withdrawn.id, actor);
			expect(await store.progress.recent({}, 10)).toHaveLength(3);
		});

		it('keeps a pledge’s last report: its newest status change or note, not a status it already had nor a correction', async () => {
			const recorded = await store.add(pledge('Reported'), actor);
			expect((await store.get(recorded.id))?.lastReportAt).toBeUndefined();
			later();
			const changed = await store.setStatus(recorded.id, 'in-progress', actor);
			expect(changed?.lastReportAt).toBe(changed?.updatedAt);
			later();
			await store.setStatus(recorded.id, 'in-progress', actor);
			later();
			await store.update(recorded.id, pledge('Corrected'), actor);
			expect((await store.get(recorded.id))?.lastReportAt).toBe(changed?.lastReportAt);
			later();
			const note = await store.addNote(recorded.id, { date: '2025-11-15', text: 'Later.' }, actor);
			expect((await store.list())[0].lastReportAt).toBe(note?.createdAt);
		});

		it('filters the list on reports since an instant, counting a pledge never reported from its record', async () => {
			const quiet = await store.add(pledge('Quiet'), actor);
			later();
			const reported = await store.add(pledge('Reported'), actor);
			later();
			const since = new Date().toISOString();
			later();
			await store.addNote(reported.id, { date: '2025-11-15', text: 'Reported.' }, actor);
			later();
			const fresh = await store.add(pledge('Fresh'), actor);
			const titles = async (filter: 'recent' | 'stale') => (await store.listPage({ report: { filter, since } }, { limit: 10 })).pledges.map((found) => found.id);
			expect(await titles('stale')).toEqual([quiet.id]);
			expect(await titles('recent')).toEqual([fresh.id, reported.id]);
		});
	});
}
