// The store contract: what every engine must do, as one suite run against each engine
// (tests/store/sqlite-contracts.spec.ts and postgres-contracts.spec.ts, through contracts.ts). Not a spec file itself.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RateRule } from '$lib/server/limits/rate-limit';
import { MAX_LIMIT } from '$lib/server/pledges/entries';
import { VOTES_PER_MINUTE, voteRules } from '$lib/server/questions/limits';
import type { Store } from '$lib/server/store/types';
import { organizerOf, WITH_ORGANIZER, type Template } from './engines';

export const pledge = (title: string) => ({ government: 'Ville de Grigny', country: 'FR', title, compacts: ['GCR' as const] });

export interface Engine {
	/** A fresh, empty store. */
	open(): Promise<Store>;
	/** A second store on the same data (another process or instance). */
	reopen(): Promise<Store>;
	/** Called after each test. */
	cleanUp?(): Promise<void>;
	/** Makes what open() copies, when it copies a template: once, before the first test. */
	prepare?(): Promise<void>;
}

/** The engine's fresh store: from nothing, or copied from `template` when given one. */
export type EngineOf = (template?: Template) => Engine;

export function storeContract(name: string, engine: EngineOf) {
	let current: Engine;
	let store: Store;
	let actor: { id: string; email: string };
	const others: Store[] = [];
	const another = async () => {
		const other = await current.reopen();
		others.push(other);
		return other;
	};

	const start = async (template?: Template) => {
		current = engine(template);
		store = await current.open();
		if (!template) await WITH_ORGANIZER.seed?.(store);
		actor = await organizerOf(store);
	};
	// The tests of the migrations themselves run them here, from an empty database.
	const startFromEmpty = async () => {
		await store.close();
		await current.cleanUp?.();
		await start();
	};

	beforeEach(() => start(WITH_ORGANIZER));

	afterEach(async () => {
		for (const other of others.splice(0)) await other.close();
		await store.close();
		await current.cleanUp?.();
	});

	describe(`the ${name} store`, () => {
		it('applies migrations once, keeping data across reopenings', async () => {
			await startFromEmpty();
			await store.add(pledge('Kept'), actor);
			const reopened = await another();
			expect((await reopened.list()).map((p) => p.title)).toEqual(['Kept']);
		});

		it('dates an empty ledger from its creation', async () => {
			await startFromEmpty();
			const updatedAt = Date.parse((await store.snapshot()).updatedAt);
			expect(updatedAt).toBeGreaterThan(Date.now() - 60_000);
			expect(updatedAt).toBeLessThanOrEqual(Date.now() + 1000);
		});

		it('lists pledges newest first and counts only those handed over', async () => {
			const first = await store.add(pledge('First'), actor);
			await store.add(pledge('Second'), actor);
			await store.withdraw(first.id, actor);
			expect(await store.snapshot()).toMatchObject({ count: 1, latest: [expect.objectContaining({ title: 'Second' })] });
			expect((await store.entries()).map((entry) => [entry.title, Boolean(entry.withdrawnAt)])).toEqual([
				['Second', false],
				['First', true]
			]);
		});

		it('withdraws and restores, telling listeners after each committed change', async () => {
			const counts: number[] = [];
			// One read after the other, as the live stream reads (src/lib/server/stream/stream-hub.ts): each
			// starts after the change it follows, so the last one read is from after the last change.
			let reading = Promise.resolve();
			const unsubscribe = store.changes.subscribe(() => {
				reading = reading.then(() => store.snapshot()).then(({ count }) => void counts.push(count), () => {});
			});
			const added = await store.add(pledge('Undo me'), actor);
			expect(await store.withdraw(added.id, actor)).toBe(true);
			// The withdrawal heard and read before the restoration, else the reads may all come after both.
			await vi.waitFor(() => expect(counts.at(-1)).toBe(0));
			expect(await store.withdraw(added.id, actor)).toBe(false);
			expect(await store.restore(added.id, actor)).toBe(true);
			await vi.waitFor(() => expect(counts).toEqual(expect.arrayContaining([1, 0])));
			await vi.waitFor(() => expect(counts.at(-1)).toBe(1));
			unsubscribe();
		});

		it('tells listeners of changes committed by another connection', async () => {
			let heard = 0;
			const unsubscribe = store.changes.subscribe(() => heard++);
			const other = await another();
			// Twice: an engine may tell its listeners once when it starts watching; the second write can only be heard.
			for (const title of ['From elsewhere', 'From elsewhere again']) {
				const before = heard;
				await other.add(pledge(title), actor);
				await vi.waitFor(() => expect(heard).toBeGreaterThan(before), { timeout: 3_000 });
			}
			unsubscribe();
		});

		it('filters by country and compact', async () => {
			await store.add(pledge('In France'), actor);
			await store.add({ government: 'Kampala Capital City Authority', country: 'UG', title: 'In Uganda', compacts: ['GCM'] }, actor);
			expect((await store.list({ country: 'UG' })).map((p) => p.title)).toEqual(['In Uganda']);
			expect((await store.list({ compact: 'GCR' })).map((p) => p.title)).toEqual(['In France']);
			expect((await store.list({ limit: 1 })).map((p) => p.title)).toEqual(['In Uganda']);
			expect((await store.countryCounts()).map(({ country }) => country)).toEqual(['FR', 'UG']);
		});

		it('finds pledges by the words of their government, title or description, whatever their case and accents', async () => {
			await store.add({ government: 'Ville de Montréal', country: 'CA', title: 'Accueil des réfugiés', compacts: ['GCR'] }, actor);
			await store.add({ government: 'Kampala Capital City Authority', country: 'UG', title: 'Shelter', description: 'Œuvre commune, ÉTÉ 2022', compacts: ['GCM'] }, actor);
			const titles = async (q: string) => (await store.list({ q })).map((p) => p.title);
			expect(await titles('montreal')).toEqual(['Accueil des réfugiés']);
			expect(await titles('MONTRÉAL refugies')).toEqual(['Accueil des réfugiés']);
			expect(await titles('oeuvre été')).toEqual(['Shelter']);
			expect(await titles('kampala')).toEqual(['Shelter']);
			expect(await titles('montreal shelter')).toEqual([]);
			expect(await titles('   ')).toEqual(['Shelter', 'Accueil des réfugiés']);
		});

		it('takes %, _ and \\ in a search literally', async () => {
			await store.add({ ...pledge('100% of newcomers'), description: 'file_name C:\\path' }, actor);
			await store.add({ ...pledge('1000 of newcomers'), description: 'filename C:path' }, actor);
			const titles = async (q: string) => (await store.list({ q })).map((p) => p.title);
			expect(await titles('100%')).toEqual(['100% of newcomers']);
			expect(await titles('file_name')).toEqual(['100% of newcomers']);
			expect(await titles('c:\\path')).toEqual(['100% of newcomers']);
			expect(await titles('%')).toEqual(['100% of newcomers']);
			expect(await titles('_')).toEqual(['100% of newcomers']);
		});

		it('answers ids of no shape, NUL included, as no pledge without asking the engine', async () => {
			const stored = await store.add(pledge('Shelter'), actor);
			for (const id of ['\0', `${stored.id}\0`, 'not-an-id']) {
				expect(await store.get(id)).toBeUndefined();
				expect(await store.withdraw(id, actor)).toBe(false);
				expect(await store.restore(id, actor)).toBe(false);
				expect(await store.setStatus(id, 'achieved', actor)).toBeUndefined();
				expect(await store.addNote(id, { date: '2022-05-18', text: 'A note' }, actor)).toBeUndefined();
				expect(await store.notes(id)).toEqual([]);
			}
			expect((await store.get(stored.id))?.title).toBe('Shelter');
		});

		it('combines the search with the country and compact filters, and finds a corrected pledge by its new words only', async () => {
			await store.add({ government: 'Ville de Montréal', country: 'CA', title: 'Accueil', compacts: ['GCR'] }, actor);
			const other = await store.add({ government: 'Ville de Grigny', country: 'FR', title: 'Accueil', compacts: ['GCM'] }, actor);
			expect((await store.list({ q: 'accueil', country: 'FR' })).map((p) => p.government)).toEqual(['Ville de Grigny']);
			expect((await store.list({ q: 'accueil', compact: 'GCR' })).map((p) => p.government)).toEqual(['Ville de Montréal']);
			expect(await store.list({ q: 'montreal', country: 'FR' })).toEqual([]);
			await store.update(other.id, { government: 'Ville de Grigny', country: 'FR', title: 'Cours de langue', compacts: ['GCM'] }, actor);
			expect((await store.list({ q: 'accueil' })).map((p) => p.government)).toEqual(['Ville de Montréal']);
			expect((await store.list({ q: 'langue' })).map((p) => p.id)).toEqual([other.id]);
		});

		it('pages through the list newest first, counting the matches and those before each page', async () => {
			await store.addMany(Array.from({ length: 7 }, (_, index) => pledge(`Pledge ${index}`)), actor);
			await store.add({ ...pledge('Elsewhere'), country: 'UG' }, actor);
			const first = await store.listPage({ country: 'FR' }, { limit: 3 });
			expect(first).toMatchObject({ matching: 7, before: 0, next: expect.any(Number) });
			expect(first.pledges.map((p) => p.title)).toEqual(['Pledge 6', 'Pledge 5', 'Pledge 4']);
			const second = await store.listPage({ country: 'FR' }, { limit: 3, after: first.next! });
			expect(second.pledges.map((p) => p.title)).toEqual(['Pledge 3', 'Pledge 2', 'Pledge 1']);
			expect(second).toMatchObject({ matching: 7, before: 3 });
			const last = await store.listPage({ country: 'FR' }, { limit: 3, after: second.next! });
			expect(last).toMatchObject({ matching: 7, before: 6, next: null });
			expect(last.pledges.map((p) => p.title)).toEqual(['Pledge 0']);
			expect(await store.listPage({ country: 'FR' }, { limit: 7 })).toMatchObject({ next: null });
			expect(await store.listPage({ q: 'nowhere' }, { limit: 3 })).toEqual({ pledges: [], matching: 0, before: 0, next: null });
		});

		it('shows each pledge once across the pages while pledges are added and withdrawn between them', async () => {
			const existing = await store.addMany(Array.from({ length: 10 }, (_, index) => pledge(`Existing ${index}`)), actor);
			const seen: string[] = [];
			let after: number | undefined;
			let round = 0;
			do {
				const page: Awaited<ReturnType<Store['listPage']>> = await store.listPage({}, { limit: 3, after });
				seen.push(...page.pledges.map((p) => p.id));
				await store.add(pledge(`Added during the walk ${round}`), actor);
				if (round === 1) await store.withdraw(existing[0].id, actor);
				after = page.next ?? undefined;
				round++;
			} while (after !== undefined);
			expect(new Set(seen).size).toBe(seen.length);
			expect(seen).toEqual(existing.slice(1).map((p) => p.id).reverse());
		});

		it('counts the pledges handed over in each country, past the list’s limit and without the withdrawn', async () => {
			const inUganda = { government: 'Kampala Capital City Authority', country: 'UG', title: 'In Uganda', compacts: ['GCM' as const] };
			await store.addMany([...Array.from({ length: MAX_LIMIT + 2 }, (_, index) => pledge(`French ${index}`)), inUganda, inUganda], actor);
			const withdrawn = await store.add({ ...inUganda, title: 'Withdrawn' }, actor);
			await store.add({ ...inUganda, country: 'CA', title: 'Withdrawn too' }, actor).then((added) => store.withdraw(added.id, actor));
			await store.withdraw(withdrawn.id, actor);
			expect(await store.countryCounts()).toEqual([
				{ country: 'FR', count: MAX_LIMIT + 2 },
				{ country: 'UG', count: 2 }
			]);
		});

		it('keeps every field of a pledge as given', async () => {
			const full = { government: 'Ville de Montréal', country: 'CA', title: '« Accueil »', description: 'Ligne 1\nLigne 2', compacts: ['GCM', 'GCR'] as ('GCM' | 'GCR')[], url: 'https://example.org/a?b=c' };
			const added = await store.add(full, actor);
			expect(added).toMatchObject(full);
			expect(await store.get(added.id)).toEqual(added);
			expect(await store.get('no-such-id')).toBeUndefined();
		});

		it('corrects a pledge and records who did what in the audit log', async () => {
			const added = await store.add(pledge('Typo'), actor);
			const corrected = await store.update(added.id, pledge('Fixed'), actor);
			expect(corrected).toMatchObject({ id: added.id, title: 'Fixed', createdAt: added.createdAt });
			expect(await store.update('no-such-id', pledge('x'), actor)).toBeUndefined();
			expect((await store.auditLog()).map((entry) => [entry.organizerEmail, entry.action, entry.detail])).toEqual([
				['organizer@example.org', 'update', 'Fixed'],
				['organizer@example.org', 'add', 'Typo']
			]);
		});

		it('records a new pledge as planned unless given a status, and filters by status with the other filters', async () => {
			const planned = await store.add(pledge('Planned'), actor);
			expect(planned.status).toBe('planned');
			await store.add({ ...pledge('Achieved in France'), status: 'achieved' }, actor);
			const [imported] = await store.addMany([{ ...pledge('Achieved in Uganda'), country: 'UG', status: 'achieved' }], actor);
			expect(imported.status).toBe('achieved');
			expect((await store.list({ status: 'achieved' })).map((p) => p.title)).toEqual(['Achieved in Uganda', 'Achieved in France']);
			expect((await store.list({ status: 'achieved', country: 'FR', compact: 'GCR' })).map((p) => p.title)).toEqual(['Achieved in France']);
			expect((await store.list({ status: 'in-progress' })).map((p) => p.title)).toEqual([]);
		});

		it('sets a status, audited, keeping it through a correction, and tells listeners', async () => {
			const added = await store.add(pledge('Moving'), actor);
			let heard = 0;
			const unsubscribe = store.changes.subscribe(() => heard++);
			const moved = await store.setStatus(added.id, 'in-progress', actor);
			expect(moved).toMatchObject({ id: added.id, status: 'in-progress' });
			await vi.waitFor(() => expect(heard).toBeGreaterThan(0));
			// The ledger's last change (what open data's ETag is made of) is this one.
			expect((await store.snapshot()).updatedAt).toBe(moved?.updatedAt);
			expect((await store.update(added.id, pledge('Moving, corrected'), actor))?.status).toBe('in-progress');
			expect(await (await another()).get(added.id)).toMatchObject({ status: 'in-progress' });
			expect(await store.setStatus('no-such-id', 'achieved', actor)).toBeUndefined();
			unsubscribe();
			expect((await store.auditLog()).map((entry) => [entry.action, entry.pledgeId, entry.detail])).toEqual([
				['update', added.id, 'Moving, corrected'],
				['status-in-progress', added.id, 'Moving'],
				['add', added.id, 'Moving']
			]);
		});

		it('records nothing when a pledge is given the status it has', async () => {
			const added = await store.add(pledge('Still planned'), actor);
			expect(await store.setStatus(added.id, 'planned', actor)).toMatchObject({ status: 'planned' });
			expect((await store.auditLog()).map((entry) => entry.action)).toEqual(['add']);
		});

		it('keeps dated notes on a pledge, latest day first, audited, and tells listeners', async () => {
			const added = await store.add(pledge('With notes'), actor);
			const other = await store.add(pledge('Without notes'), actor);
			let heard = 0;
			const unsubscribe = store.changes.subscribe(() => heard++);
			const first = await store.addNote(added.id, { date: '2026-03-01', text: 'Premier bilan' }, actor);
			expect(first).toMatchObject({ id: expect.any(String), date: '2026-03-01', text: 'Premier bilan' });
			await store.addNote(added.id, { date: '2026-04-15', text: 'Second report' }, actor);
			await store.addNote(added.id, { date: '2026-03-01', text: 'Same day, added later' }, actor);
			await vi.waitFor(() => expect(heard).toBeGreaterThan(0));
			unsubscribe();
			expect((await store.notes(added.id)).map((note) => [note.date, note.text])).toEqual([
				['2026-04-15', 'Second report'],
				['2026-03-01', 'Same day, added later'],
				['2026-03-01', 'Premier bilan']
			]);
			expect(await (await another()).notes(added.id)).toHaveLength(3);
			expect((await store.snapshot()).updatedAt).toBe((await store.get(added.id))?.updatedAt);
			expect(await store.notes(other.id)).toEqual([]);
			expect(await store.addNote('no-such-id', { date: '2026-03-01', text: 'x' }, actor)).toBeUndefined();
			expect((await store.notes(added.id))[2]).toEqual(first);
			const byPledge = await store.notesOf([added.id, other.id, 'no-such-id']);
			expect([...byPledge.keys()]).toEqual([added.id]);
			expect(byPledge.get(added.id)).toEqual(await store.notes(added.id));
			expect(await store.notesOf([])).toEqual(new Map());
			expect((await store.auditLog()).filter((entry) => entry.action === 'note').map((entry) => [entry.pledgeId, entry.detail])).toEqual([
				[added.id, 'With notes'],
				[added.id, 'With notes'],
				[added.id, 'With notes']
			]);
		});

		it('stores once per idempotency key and organizer, and refuses the key for another pledge', async () => {
			const first = await store.addOnce(pledge('Once'), actor, { key: 'k', requestHash: 'hash-a' });
			const retry = await store.addOnce(pledge('Once'), actor, { key: 'k', requestHash: 'hash-a' });
			expect(first).toMatchObject({ kind: 'stored', status: 201, replayed: false });
			expect(retry).toEqual({ ...first, replayed: true });
			expect(await store.addOnce(pledge('Other'), actor, { key: 'k', requestHash: 'hash-b' })).toEqual({ kind: 'key-reused' });
			expect((await store.list()).map((p) => p.title)).toEqual(['Once']);
		});

		it('stores once when the same key arrives at two connections at the same time', async () => {
			const other = await another();
			const results = await Promise.all([
				store.addOnce(pledge('Raced'), actor, { key: 'race', requestHash: 'h' }),
				other.addOnce(pledge('Raced'), actor, { key: 'race', requestHash: 'h' })
			]);
			expect(results.map((result) => result.kind === 'stored' && result.replayed).sort()).toEqual([false, true]);
			expect((await store.list()).map((p) => p.title)).toEqual(['Raced']);
		});

		it('settles each write on its own when several arrive together', async () => {
			const bad = { ...pledge('Bad'), government: null as unknown as string };
			const outcomes = await Promise.allSettled([
				store.addOnce(pledge('One'), actor),
				store.addOnce(bad, actor),
				store.addOnce(pledge('Two'), actor, { key: 'same', requestHash: 'h' })
			]);
			expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
			expect((await store.list()).map((p) => p.title).sort()).toEqual(['One', 'Two']);
		});

		it('imports all or nothing', async () => {
			await expect(store.addMany([pledge('Good'), { ...pledge('Bad'), government: null as unknown as string }], actor)).rejects.toThrow();
			expect(await store.list()).toEqual([]);
			expect(await store.addMany([pledge('A'), pledge('B')], actor)).toHaveLength(2);
		});

		it('shares its data with a second connection (the organizers command) while open', async () => {
			const other = await another();
			const { token } = await other.organizers.add('second@example.org');
			await other.add(pledge('From the other connection'), actor);
			expect((await store.organizers.checkToken(token))?.email).toBe('second@example.org');
			expect((await store.list()).map((p) => p.title)).toEqual(['From the other connection']);
		});

		it('answers that it can read and write', async () => {
			expect(await store.health()).toEqual({ canRead: true, canWrite: true });
		});
	});

	describe(`organizers and sessions on ${name}`, () => {
		it('checks passwords and tokens, and forgets both on removal', async () => {
			const { organizer, password, token } = await store.organizers.add('a@example.org');
			expect((await store.organizers.checkPassword(' A@example.org ', password))?.id).toBe(organizer.id);
			expect(await store.organizers.checkPassword('a@example.org', `${password}x`)).toBeUndefined();
			expect(await store.organizers.checkPassword('nobody@example.org', password)).toBeUndefined();
			expect((await store.organizers.checkToken(token))?.id).toBe(organizer.id);
			expect(await store.organizers.checkToken('imrf_not-a-uuid_AAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
			expect((await store.organizers.list()).map((o) => o.email)).toEqual(['a@example.org', 'organizer@example.org']);
			const session = await store.sessions.start(organizer.id);
			expect(await store.organizers.remove('a@example.org')).toBe(true);
			expect(await store.organizers.remove('a@example.org')).toBe(false);
			expect(await store.organizers.checkToken(token)).toBeUndefined();
			expect(await store.sessions.organizerOf(session.id)).toBeUndefined();
		});

		it('refuses a second organizer with the same email and a non-email', async () => {
			await expect(store.organizers.add('organizer@example.org')).rejects.toThrow(/already exists/);
			await expect(store.organizers.add('not an email')).rejects.toThrow(/not an email/);
		});

		it('ends sessions on sign-out and after 12 hours, on every connection', async () => {
			const start = new Date('2022-05-18T12:00:00Z');
			const session = await store.sessions.start(actor.id, start);
			const other = await another();
			expect((await other.sessions.organizerOf(session.id, new Date('2022-05-18T23:59:00Z')))?.id).toBe(actor.id);
			expect(await store.sessions.organizerOf(session.id, new Date('2022-05-19T00:00:01Z'))).toBeUndefined();
			expect(await store.sessions.organizerOf('forged')).toBeUndefined();
			const live = await store.sessions.start(actor.id);
			await other.sessions.end(live.id);
			expect(await store.sessions.organizerOf(live.id)).toBeUndefined();
		});
	});

	describe(`rate limits and shared secrets on ${name}`, () => {
		const hourly: RateRule = { key: 'questions:1.2.3.4', limit: 3, windowMs: 3600_000 };
		const signIn: RateRule = { key: 'sign-in:a@example.org', limit: 2, windowMs: 900_000, backoff: { baseMs: 1000, maxMs: 8000 } };

		it('allows the limit within a window, then refuses until the window ends', async () => {
			for (let i = 0; i < 3; i++) expect(await store.limits.take([hourly], 1000 + i)).toEqual({ allowed: true });
			expect(await store.limits.take([hourly], 2000)).toEqual({ allowed: false, retryAfterMs: 3600_000 - 1000 });
			expect(await store.limits.take([hourly], 1000 + 3600_000)).toEqual({ allowed: true });
		});

		it('grows the wait after the limit with every counted attempt, up to the cap', async () => {
			let now = 0;
			await store.limits.take([signIn], now);
			await store.limits.take([signIn], now);
			const waits: number[] = [];
			for (let i = 0; i < 5; i++) {
				const refused = await store.limits.take([signIn], now);
				if (refused.allowed) throw new Error('expected a refusal');
				waits.push(refused.retryAfterMs);
				now += refused.retryAfterMs;
				expect(await store.limits.take([signIn], now)).toEqual({ allowed: true });
			}
			expect(waits).toEqual([1000, 2000, 4000, 8000, 8000]);
		});

		it('counts all rules or none: a refusal by one leaves the others untouched', async () => {
			const other: RateRule = { ...hourly, key: 'questions:browser', limit: 10 };
			for (let i = 0; i < 3; i++) await store.limits.take([hourly, other], 0);
			expect((await store.limits.take([hourly, other], 1)).allowed).toBe(false);
			for (let i = 0; i < 7; i++) expect((await store.limits.take([other], 2)).allowed).toBe(true);
			expect((await store.limits.take([other], 3)).allowed).toBe(false);
		});

		it('release takes back one attempt and reset forgets the key', async () => {
			for (let i = 0; i < 3; i++) await store.limits.take([hourly], 0);
			await store.limits.release([hourly.key]);
			expect((await store.limits.take([hourly], 1)).allowed).toBe(true);
			expect((await store.limits.take([hourly], 2)).allowed).toBe(false);
			await store.limits.reset([hourly.key]);
			expect((await store.limits.take([hourly], 3)).allowed).toBe(true);
		});

		it('bounds the votes a minute on one question from one address, whatever the browser, on every connection', async () => {
			const question = '00000000-0000-4000-8000-000000000001';
			const other = await another();
			// A browser per vote, as one that clears its cookie each time; every other vote through another connection.
			const fromVenue = (index: number) => ({ browser: `browser-${index}`, addresses: ['venue'] });
			for (let index = 0; index < VOTES_PER_MINUTE.addressOnQuestion; index++) {
				const through = index % 2 === 0 ? store : other;
				expect(await through.limits.take(voteRules(fromVenue(index), question), 1_000 + index)).toEqual({ allowed: true });
			}
			const refused = await store.limits.take(voteRules(fromVenue(-1), question), 2_000);
			expect(refused).toEqual({ allowed: false, retryAfterMs: 60_000 - 1_000 });
			// Another question from the venue, and the same question from another address, still count.
			expect((await other.limits.take(voteRules(fromVenue(-1), '00000000-0000-4000-8000-000000000002'), 2_000)).allowed).toBe(true);
			expect((await other.limits.take(voteRules({ browser: 'elsewhere', addresses: ['another'] }, question), 2_000)).allowed).toBe(true);
			// A minute after the first, the venue votes on it again.
			expect((await store.limits.take(voteRules(fromVenue(-2), question), 61_000)).allowed).toBe(true);
			// 120 transactions: room for a machine many agents share.
		}, 60_000);

		it('counts on every connection, and keeps its counts across a restart', async () => {
			for (let i = 0; i < 2; i++) await store.limits.take([hourly], 0);
			const other = await another();
			expect((await other.limits.take([hourly], 1)).allowed).toBe(true);
			expect((await store.limits.take([hourly], 1)).allowed).toBe(false);
		});

		it('lets no parallel attempt slip under the limit, from one connection or two', async () => {
			const other = await another();
			const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? other : store).limits.take([hourly], 5)));
			expect(outcomes.filter((outcome) => outcome.allowed)).toHaveLength(3);
		});

		it('makes a shared secret once: the same 32 bytes on every connection', async () => {
			const other = await another();
			const [mine, theirs] = await Promise.all([store.secrets.get('device'), other.secrets.get('device')]);
			expect(mine).toHaveLength(32);
			expect(theirs.equals(mine)).toBe(true);
			expect((await store.secrets.get('another')).equals(mine)).toBe(false);
		});
	});
}
