// What every engine must do for the "now speaking" control (issue 24, the broadcast overlay): one
// speaker or none, audited and announced only when it changes, seen by every connection. Run on each
// engine by sqlite-contracts.spec.ts and postgres-contracts.spec.ts through contracts.ts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { event } from '$lib/event/event';
import type { Store } from '$lib/server/store/types';
import type { Engine } from './contract';

const actor = { id: 'organizer-1', email: 'director@example.org' };
// Two of the event's people, and instants during the event: a fake clock for every write.
const [first, second] = event.speakers;
const at = (minutes: number) => new Date(event.start.getTime() + minutes * 60_000);

export function speakingContract(name: string, engine: () => Engine): void {
	describe(`who is speaking (${name})`, () => {
		let current: Engine;
		let store: Store;
		const opened: Store[] = [];

		beforeEach(async () => {
			current = engine();
			store = await current.open();
			opened.push(store);
		});
		afterEach(async () => {
			for (const each of opened.splice(0)) await each.close();
			await current.cleanUp?.();
		});

		it('names nobody until an organizer picks someone', async () => {
			expect((await store.speaking.current()).speakerId).toBeNull();
		});

		it('keeps the speaker picked, with when, and replaces it by the next pick or by nobody', async () => {
			expect(await store.speaking.set(first.id, actor, at(1))).toBe(true);
			expect(await store.speaking.current()).toEqual({ speakerId: first.id, updatedAt: at(1).toISOString() });
			expect(await store.speaking.set(second.id, actor, at(2))).toBe(true);
			expect((await store.speaking.current()).speakerId).toBe(second.id);
			expect(await store.speaking.set(null, actor, at(3))).toBe(true);
			expect(await store.speaking.current()).toEqual({ speakerId: null, updatedAt: at(3).toISOString() });
		});

		it('audits each change, and a pick that changes nothing neither counts nor is audited', async () => {
			await store.speaking.set(first.id, actor, at(1));
			expect(await store.speaking.set(first.id, actor, at(2))).toBe(false);
			expect(await store.speaking.set(null, actor, at(3))).toBe(true);
			expect(await store.speaking.set(null, actor, at(4))).toBe(false);
			const entries = (await store.auditLog()).filter((entry) => entry.action.startsWith('speaker-'));
			expect(entries.map(({ action, detail, organizerEmail }) => ({ action, detail: detail ?? null, organizerEmail }))).toEqual([
				{ action: 'speaker-clear', detail: null, organizerEmail: actor.email },
				{ action: 'speaker-pick', detail: first.id, organizerEmail: actor.email }
			]);
		});

		it('refuses what is no speaker id, storing nothing', async () => {
			for (const bad of ['', 'x'.repeat(65), 'a b', '<b>']) await expect(store.speaking.set(bad, actor, at(1))).rejects.toThrow();
			expect((await store.speaking.current()).speakerId).toBeNull();
			expect((await store.auditLog()).filter((entry) => entry.action.startsWith('speaker-'))).toEqual([]);
		});

		it('tells listeners of a change, from this connection and from another one', async () => {
			let heard = 0;
			const unsubscribe = store.speaking.changes.subscribe(() => heard++);
			await store.speaking.set(first.id, actor, at(1));
			await vi.waitFor(() => expect(heard).toBeGreaterThan(0), { timeout: 3_000 });
			const other = await current.reopen();
			opened.push(other);
			// An engine may tell its listeners once when it starts watching: each write is awaited on its own.
			for (const speaker of [second, first]) {
				const before = heard;
				await other.speaking.set(speaker.id, actor, at(2));
				await vi.waitFor(() => expect(heard).toBeGreaterThan(before), { timeout: 3_000 });
			}
			expect((await store.speaking.current()).speakerId).toBe(first.id);
			unsubscribe();
		});
	});
}
