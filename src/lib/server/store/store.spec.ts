import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { createStore, type Store } from './index';

const pledge = (title: string) => ({ government: 'Ville de Grigny', country: 'FR', title, compacts: ['GCR' as const] });

let dir: string;
let file: string;
let store: Store;
let actor: { id: string; email: string };

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'imrf-store-'));
	file = join(dir, 'nested', 'site.db');
	store = createStore(openDatabase(file));
	const { organizer } = store.organizers.add('Organizer@Example.org');
	actor = { id: organizer.id, email: organizer.email };
});

afterEach(() => {
	store.close();
	rmSync(dir, { recursive: true, force: true });
});

describe('the SQLite store', () => {
	it('creates its folder and applies migrations once, keeping data across reopenings', () => {
		store.add(pledge('Kept'), actor);
		store.close();
		store = createStore(openDatabase(file));
		expect(store.list().map((p) => p.title)).toEqual(['Kept']);
	});

	it('dates an empty ledger from its creation', () => {
		const before = Date.now();
		const fresh = createStore(openDatabase(join(dir, 'fresh.db')));
		const updatedAt = Date.parse(fresh.snapshot().updatedAt);
		fresh.close();
		expect(updatedAt).toBeGreaterThanOrEqual(before - 1000);
		expect(updatedAt).toBeLessThanOrEqual(Date.now());
	});

	it('lists pledges newest first and counts only those handed over', () => {
		const first = store.add(pledge('First'), actor);
		store.add(pledge('Second'), actor);
		store.withdraw(first.id, actor);
		expect(store.snapshot()).toMatchObject({ count: 1, latest: [expect.objectContaining({ title: 'Second' })] });
		expect(store.entries().map((entry) => [entry.title, Boolean(entry.withdrawnAt)])).toEqual([
			['Second', false],
			['First', true]
		]);
	});

	it('withdraws and restores, telling listeners after each committed change', () => {
		const calls: number[] = [];
		const unsubscribe = store.changes.subscribe(() => calls.push(store.snapshot().count));
		const added = store.add(pledge('Undo me'), actor);
		expect(store.withdraw(added.id, actor)).toBe(true);
		expect(store.withdraw(added.id, actor)).toBe(false);
		expect(store.restore(added.id, actor)).toBe(true);
		unsubscribe();
		store.add(pledge('Unheard'), actor);
		expect(calls).toEqual([1, 0, 0, 1]);
	});

	it('filters by country and compact', () => {
		store.add(pledge('In France'), actor);
		store.add({ government: 'Kampala Capital City Authority', country: 'UG', title: 'In Uganda', compacts: ['GCM'] }, actor);
		expect(store.list({ country: 'UG' }).map((p) => p.title)).toEqual(['In Uganda']);
		expect(store.list({ compact: 'GCR' }).map((p) => p.title)).toEqual(['In France']);
		expect(store.countries()).toEqual(['FR', 'UG']);
	});

	it('corrects a pledge and records who did what in the audit log', () => {
		const added = store.add(pledge('Typo'), actor);
		const corrected = store.update(added.id, pledge('Fixed'), actor);
		expect(corrected).toMatchObject({ id: added.id, title: 'Fixed', createdAt: added.createdAt });
		expect(store.update('no-such-id', pledge('x'), actor)).toBeUndefined();
		expect(store.auditLog().map((entry) => [entry.organizerEmail, entry.action, entry.detail])).toEqual([
			['organizer@example.org', 'update', 'Fixed'],
			['organizer@example.org', 'add', 'Typo']
		]);
	});

	it('stores once per idempotency key and organizer, and refuses the key for another pledge', async () => {
		const first = await store.addOnce(pledge('Once'), actor, { key: 'k', requestHash: 'hash-a' });
		const retry = await store.addOnce(pledge('Once'), actor, { key: 'k', requestHash: 'hash-a' });
		expect(first).toMatchObject({ kind: 'stored', status: 201, replayed: false });
		expect(retry).toEqual({ ...first, replayed: true });
		expect(await store.addOnce(pledge('Other'), actor, { key: 'k', requestHash: 'hash-b' })).toEqual({ kind: 'key-reused' });
		expect(store.list().map((p) => p.title)).toEqual(['Once']);
	});

	it('groups writes arriving together into one commit, each settling on its own', async () => {
		let commits = 0;
		store.changes.subscribe(() => commits++);
		const bad = { ...pledge('Bad'), government: null as unknown as string };
		const outcomes = await Promise.allSettled([
			store.addOnce(pledge('One'), actor),
			store.addOnce(bad, actor),
			store.addOnce(pledge('Two'), actor, { key: 'same', requestHash: 'h' }),
			store.addOnce(pledge('Two'), actor, { key: 'same', requestHash: 'h' })
		]);
		expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
		expect(outcomes[3]).toMatchObject({ value: { replayed: true } });
		expect(commits).toBe(1);
		expect(store.list().map((p) => p.title)).toEqual(['Two', 'One']);
	});

	it('imports all or nothing', () => {
		expect(() => store.addMany([pledge('Good'), { ...pledge('Bad'), government: null as unknown as string }], actor)).toThrow();
		expect(store.list()).toEqual([]);
		expect(store.addMany([pledge('A'), pledge('B')], actor)).toHaveLength(2);
	});

	it('shares the file with a second connection (the organizers command) while open', () => {
		const other = createStore(openDatabase(file));
		const { token } = other.organizers.add('second@example.org');
		other.add(pledge('From the other connection'), actor);
		other.close();
		expect(store.organizers.checkToken(token)?.email).toBe('second@example.org');
		expect(store.list().map((p) => p.title)).toEqual(['From the other connection']);
	});
});

describe('organizers and sessions', () => {
	it('checks passwords and tokens, and forgets both on removal', async () => {
		const { organizer, password, token } = store.organizers.add('a@example.org');
		expect((await store.organizers.checkPassword(' A@example.org ', password))?.id).toBe(organizer.id);
		expect(await store.organizers.checkPassword('a@example.org', `${password}x`)).toBeUndefined();
		expect(await store.organizers.checkPassword('nobody@example.org', password)).toBeUndefined();
		expect(store.organizers.checkToken(token)?.id).toBe(organizer.id);
		const session = store.sessions.start(organizer.id);
		expect(store.organizers.remove('a@example.org')).toBe(true);
		expect(store.organizers.checkToken(token)).toBeUndefined();
		expect(store.sessions.organizerOf(session.id)).toBeUndefined();
	});

	it('refuses a second organizer with the same email and a non-email', () => {
		expect(() => store.organizers.add('organizer@example.org')).toThrow(/already exists/);
		expect(() => store.organizers.add('not an email')).toThrow(/not an email/);
	});

	it('ends sessions on sign-out and after 12 hours', () => {
		const start = new Date('2022-05-18T12:00:00Z');
		const session = store.sessions.start(actor.id, start);
		expect(store.sessions.organizerOf(session.id, new Date('2022-05-18T23:59:00Z'))?.id).toBe(actor.id);
		expect(store.sessions.organizerOf(session.id, new Date('2022-05-19T00:00:01Z'))).toBeUndefined();
		expect(store.sessions.organizerOf('forged')).toBeUndefined();
		const other = store.sessions.start(actor.id);
		store.sessions.end(other.id);
		expect(store.sessions.organizerOf(other.id)).toBeUndefined();
	});
});
