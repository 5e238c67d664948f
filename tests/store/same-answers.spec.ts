// One sequence of operations on each engine, on the same clock: the same answers, `updatedAt` included.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { Store } from '$lib/server/store/types';
import { pledge } from './contract';
import { ENGINES } from './engines';

const START = Date.parse('2026-03-01T09:00:00.000Z');

/** The operations, each at its own instant (one second after the one before); every answer kept, named. */
async function script(store: Store) {
	let step = 0;
	const tick = () => {
		vi.setSystemTime(START + ++step * 1000);
		return new Date().toISOString();
	};
	const answers: Record<string, unknown> = {};
	const instants: Record<string, string> = {};
	tick();
	const { organizer } = await store.organizers.add('script@example.org');
	const actor = { id: organizer.id, email: organizer.email };

	instants.add = tick();
	const a = (answers.add = await store.add(pledge('Accueil'), actor));
	instants.import = tick();
	const [b, c] = (answers.import = await store.addMany(
		[
			{ government: 'Kampala Capital City Authority', country: 'UG', title: 'Shelter', compacts: ['GCM'], status: 'achieved' },
			{ government: 'Ville de Montréal', country: 'CA', title: 'Été', description: 'Œuvre commune', compacts: ['GCM', 'GCR'], url: 'https://example.org/' }
		],
		actor
	));
	instants.addOnce = tick();
	answers.addOnce = await store.addOnce(pledge('Once'), actor, { key: 'k', requestHash: 'h' });
	tick();
	answers.retry = await store.addOnce(pledge('Once'), actor, { key: 'k', requestHash: 'h' });
	answers.afterRetry = await store.snapshot();
	instants.update = tick();
	answers.update = await store.update(b.id, { ...pledge('Shelter, corrected'), country: 'UG', compacts: ['GCM'] }, actor);
	instants.status = tick();
	answers.status = await store.setStatus(a.id, 'in-progress', actor);
	tick();
	answers.sameStatus = await store.setStatus(a.id, 'in-progress', actor);
	answers.afterSameStatus = await store.snapshot();
	instants.note = tick();
	answers.note = await store.addNote(c.id, { date: '2026-02-28', text: 'Premier bilan' }, actor);
	answers.afterNote = await store.snapshot();
	instants.withdraw = tick();
	answers.withdraw = [await store.withdraw(a.id, actor), await store.withdraw(a.id, actor)];
	answers.afterWithdraw = await store.snapshot();
	instants.restore = tick();
	answers.restore = await store.restore(a.id, actor);
	answers.afterRestore = await store.snapshot();

	answers.list = await store.list();
	answers.search = await store.list({ q: 'oeuvre ete' });
	answers.byCompact = await store.list({ compact: 'GCR', status: 'planned' });
	answers.firstPage = await store.listPage({}, { limit: 2 });
	answers.entries = await store.entries();
	answers.auditLog = await store.auditLog();
	answers.countryCounts = await store.countryCounts();
	answers.notes = Object.fromEntries(await store.notesOf([a.id, c.id]));
	return { answers, instants };
}

/** Ids are random: each becomes its order of appearance. */
function withNamedIds(value: unknown): unknown {
	const names = new Map<string, string>();
	const text = JSON.stringify(value).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
		if (!names.has(id)) names.set(id, `id-${names.size + 1}`);
		return names.get(id)!;
	});
	return JSON.parse(text);
}

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
	vi.useRealTimers();
});

it('gives the same answers on both engines to the same operations, updatedAt being the time of the last public change', async () => {
	const runs = [];
	for (const { engine } of ENGINES) {
		const opened = engine();
		const store = await opened.open();
		try {
			runs.push(await script(store));
		} finally {
			await store.close();
			await opened.cleanUp?.();
		}
	}
	const [first, ...others] = runs;
	for (const other of others) expect(withNamedIds(other.answers)).toEqual(withNamedIds(first.answers));
	const { answers, instants } = first;
	expect(answers.afterRetry).toMatchObject({ count: 4, updatedAt: instants.addOnce });
	expect(answers.afterSameStatus).toMatchObject({ updatedAt: instants.status });
	expect(answers.afterNote).toMatchObject({ updatedAt: instants.note });
	expect(answers.afterWithdraw).toMatchObject({ count: 3, updatedAt: instants.withdraw });
	expect(answers.afterRestore).toMatchObject({ count: 4, updatedAt: instants.restore });
}, 60_000); // two stores opened and an organizer's password hashed on each
