import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionInput } from '$lib/questions/types';
import type { QuestionLimits, QuestionStore, Writer } from '$lib/server/questions/types';
import type { Store } from '$lib/server/store/types';

/** A store of one engine, fresh and empty, and how to let it go. */
export interface EngineUnderTest {
	site: Store;
	close(): Promise<void>;
}

const actor = { id: 'organizer-1', email: 'moderator@example.org' };
const generous: QuestionLimits = {
	pendingPerBrowser: 100,
	pendingPerAddress: 100,
	askedPerHourPerBrowser: 100,
	askedPerHourPerAddress: 100
};
const writer = (browser: string, address = `address-${browser}`): Writer => ({ browser, addresses: [address] });
const question = (text: string, lang: QuestionInput['lang'] = 'en'): QuestionInput => ({ text, lang });
const at = (iso: string) => new Date(iso);

/**
 * The behaviour the questions store has on every engine: the same sequence run on each
 * (contracts.ts), with a factory of fresh stores of that engine.
 */
export function questionStoreContract(engine: string, open: () => Promise<EngineUnderTest>): void {
	describe(`the questions store (${engine})`, () => {
		let engineUnderTest: EngineUnderTest;
		let store: QuestionStore;

		beforeEach(async () => {
			engineUnderTest = await open();
			store = engineUnderTest.site.questions;
		});
		afterEach(async () => {
			await engineUnderTest.close();
		});

		async function approved(text: string, by = writer('asker')) {
			const outcome = await store.ask(question(text), by, generous);
			if (outcome.kind !== 'accepted') throw new Error(`not accepted: ${outcome.kind}`);
			await store.moderate(outcome.question.id, { status: 'approved' }, actor);
			return outcome.question.id;
		}

		it('is closed until an organizer opens it, and refuses questions while closed', async () => {
			expect(await store.isOpen()).toBe(false);
			expect(await store.ask(question('Too early?'), writer('a'), generous)).toEqual({ kind: 'closed' });
			await store.setOpen(true, actor);
			expect((await store.publicState()).open).toBe(true);
			await store.setOpen(false, actor);
			expect(await store.isOpen()).toBe(false);
		});

		describe('once open', () => {
			beforeEach(async () => {
				await store.setOpen(true, actor);
			});

			it('keeps a new question pending and out of the public state until it is approved', async () => {
				const outcome = await store.ask({ text: 'Comment financer ?', name: 'Ana', affiliation: 'Montevideo', lang: 'fr' }, writer('a'), generous);
				expect(outcome).toMatchObject({ kind: 'accepted', question: { status: 'pending', lang: 'fr', name: 'Ana', votes: 0, onScreen: false } });
				const id = outcome.kind === 'accepted' ? outcome.question.id : '';
				expect((await store.publicState()).questions).toEqual([]);
				expect((await store.list('pending')).map((q) => q.id)).toEqual([id]);
				await store.moderate(id, { status: 'approved' }, actor);
				expect((await store.publicState()).questions).toEqual([
					{ id, text: 'Comment financer ?', name: 'Ana', affiliation: 'Montevideo', lang: 'fr', votes: 0, status: 'approved', onScreen: false, createdAt: expect.any(String), translations: {} }
				]);
			});

			it('lists pending questions oldest first', async () => {
				await store.ask(question('First'), writer('a'), generous, at('2022-05-18T17:40:00Z'));
				await store.ask(question('Second'), writer('b'), generous, at('2022-05-18T17:41:00Z'));
				expect((await store.list('pending')).map((q) => q.text)).toEqual(['First', 'Second']);
			});

			it('counts the questions of each status', async () => {
				await store.ask(question('Stays pending'), writer('a'), generous);
				const asked = await store.ask(question('Gets approved'), writer('b'), generous);
				await store.moderate(asked.kind === 'accepted' ? asked.question.id : '', { status: 'approved' }, actor);
				expect(await store.counts()).toEqual({ pending: 1, approved: 1, rejected: 0, answered: 0 });
			});

			it('refuses an exact duplicate of any stored question', async () => {
				await store.ask(question('Same words'), writer('a'), generous);
				expect(await store.ask(question('Same words'), writer('b'), generous)).toEqual({ kind: 'duplicate' });
				expect(await store.list('pending')).toHaveLength(1);
			});

			it('answers ids of no shape, NUL included, as no question without asking the engine', async () => {
				const id = await approved('Which cities are pledging?');
				for (const other of ['\0', `${id}\0`, 'not-an-id']) {
					expect(await store.get(other)).toBeUndefined();
					expect(await store.vote(other, writer('v1'), true)).toEqual({ kind: 'not-found' });
					expect(await store.moderate(other, { status: 'answered' }, actor)).toEqual({ kind: 'not-found' });
				}
				expect((await store.get(id))?.votes).toBe(0);
			});

			it('limits pending questions per browser and per address', async () => {
				const limits = { ...generous, pendingPerBrowser: 2, pendingPerAddress: 3 };
				await store.ask(question('one'), writer('a', 'shared'), limits);
				await store.ask(question('two'), writer('a', 'shared'), limits);
				expect(await store.ask(question('three'), writer('a', 'shared'), limits)).toMatchObject({ kind: 'limited' });
				await store.ask(question('three'), writer('b', 'shared'), limits);
				expect(await store.ask(question('four'), writer('c', 'shared'), limits)).toMatchObject({ kind: 'limited' });
				expect(await store.ask(question('four'), writer('c', 'elsewhere'), limits)).toMatchObject({ kind: 'accepted' });
			});

			it('limits questions an hour per browser, counting an address under the previous key too, and says when to retry', async () => {
				const limits = { ...generous, askedPerHourPerBrowser: 2, askedPerHourPerAddress: 2 };
				const browser = writer('a');
				const first = await store.ask(question('q1'), browser, limits, at('2022-05-18T17:00:00Z'));
				if (first.kind === 'accepted') await store.moderate(first.question.id, { status: 'approved' }, actor);
				await store.ask(question('q2'), browser, limits, at('2022-05-18T17:10:00Z'));
				expect(await store.ask(question('q3'), browser, limits, at('2022-05-18T17:30:00Z'))).toEqual({ kind: 'limited', retryAfterSeconds: 30 * 60 });
				expect(await store.ask(question('q3'), browser, limits, at('2022-05-18T18:00:01Z'))).toMatchObject({ kind: 'accepted' });
				const rotated = { browser: 'other', addresses: ['new-key-hash', 'address-a'] };
				expect(await store.ask(question('q4'), rotated, limits, at('2022-05-18T18:05:00Z'))).toMatchObject({ kind: 'limited' });
			});

			it('counts one vote per browser, undoable, and sorts by votes then age', async () => {
				const older = await approved('Older');
				const newer = await approved('Newer');
				expect((await store.publicState()).questions.map((q) => q.text)).toEqual(['Older', 'Newer']);
				expect(await store.vote(newer, writer('v1'), true)).toEqual({ kind: 'counted', votes: 1, hasVoted: true });
				expect(await store.vote(newer, writer('v1'), true)).toEqual({ kind: 'counted', votes: 1, hasVoted: true });
				expect((await store.publicState()).questions.map((q) => [q.text, q.votes])).toEqual([
					['Newer', 1],
					['Older', 0]
				]);
				expect(await store.votesOf('v1')).toEqual([newer]);
				await store.vote(older, writer('v2'), true);
				expect((await store.publicState()).questions.map((q) => q.text)).toEqual(['Older', 'Newer']);
				expect(await store.vote(newer, writer('v1'), false)).toEqual({ kind: 'counted', votes: 0, hasVoted: false });
				expect(await store.vote(newer, writer('v1'), false)).toEqual({ kind: 'counted', votes: 0, hasVoted: false });
				expect(await store.votesOf('v1')).toEqual([]);
			});

			it('refuses votes on pending, rejected and unknown questions', async () => {
				const asked = await store.ask(question('Not yet'), writer('a'), generous);
				const id = asked.kind === 'accepted' ? asked.question.id : '';
				expect(await store.vote(id, writer('v'), true)).toEqual({ kind: 'not-found' });
				await store.moderate(id, { status: 'rejected' }, actor);
				expect(await store.vote(id, writer('v'), true)).toEqual({ kind: 'not-found' });
				expect(await store.vote('no-such-id', writer('v'), true)).toEqual({ kind: 'not-found' });
				expect((await store.get(id))?.votes).toBe(0);
			});

			it('puts one question on screen at a time, and takes a rejected one off', async () => {
				const a = await approved('A');
				const b = await approved('B');
				await store.moderate(a, { onScreen: true }, actor);
				await store.moderate(b, { onScreen: true }, actor);
				expect((await store.publicState()).questions.filter((q) => q.onScreen).map((q) => q.text)).toEqual(['B']);
				await store.moderate(b, { status: 'rejected' }, actor);
				expect((await store.get(b))?.onScreen).toBe(false);
				expect((await store.publicState()).questions.map((q) => q.text)).toEqual(['A']);
			});

			it('refuses to put a pending question on screen, and answers unknown ids with not-found', async () => {
				const asked = await store.ask(question('Pending'), writer('a'), generous);
				const id = asked.kind === 'accepted' ? asked.question.id : '';
				expect(await store.moderate(id, { onScreen: true }, actor)).toEqual({ kind: 'not-public' });
				expect(await store.moderate('nope', { status: 'approved' }, actor)).toEqual({ kind: 'not-found' });
			});

			it('keeps answered questions public, marked answered', async () => {
				const id = await approved('Answered soon');
				await store.moderate(id, { status: 'answered', onScreen: true }, actor);
				expect((await store.publicState()).questions).toEqual([expect.objectContaining({ id, status: 'answered', onScreen: true })]);
				expect((await store.list('answered')).map((q) => q.id)).toEqual([id]);
			});

			it('approves a question with its text in another language, which the public state and the lists carry', async () => {
				const asked = await store.ask(question('Comment financer les engagements ?', 'fr'), writer('a'), generous);
				const id = asked.kind === 'accepted' ? asked.question.id : '';
				const outcome = await store.moderate(id, { status: 'approved', translations: { en: 'How are pledges financed?' } }, actor);
				expect(outcome).toMatchObject({ kind: 'changed', question: { status: 'approved', translations: { en: 'How are pledges financed?' } } });
				expect((await store.publicState()).questions).toEqual([expect.objectContaining({ id, text: 'Comment financer les engagements ?', lang: 'fr', translations: { en: 'How are pledges financed?' } })]);
				expect((await store.list('approved')).map((q) => q.translations)).toEqual([{ en: 'How are pledges financed?' }]);
				expect((await store.get(id))?.translations).toEqual({ en: 'How are pledges financed?' });
			});

			it('keeps each question’s translations to itself', async () => {
				const first = await approved('First of two');
				const second = await approved('Second of two');
				await store.moderate(second, { translations: { fr: 'Deuxième des deux' } }, actor);
				expect(Object.fromEntries((await store.publicState()).questions.map((q) => [q.id, q.translations]))).toEqual({ [first]: {}, [second]: { fr: 'Deuxième des deux' } });
			});

			it('corrects a translation later and takes it away, each change audited with its language and text', async () => {
				const id = await approved('Who follows up?');
				await store.moderate(id, { translations: { fr: 'Qui fait le suivi ?' } }, actor);
				await store.moderate(id, { translations: { fr: 'Qui assure le suivi ?' } }, actor);
				expect((await store.get(id))?.translations).toEqual({ fr: 'Qui assure le suivi ?' });
				// The same text again changes nothing worth an entry.
				await store.moderate(id, { translations: { fr: 'Qui assure le suivi ?' } }, actor);
				await store.moderate(id, { translations: { fr: null } }, actor);
				expect((await store.get(id))?.translations).toEqual({});
				const entries = (await engineUnderTest.site.auditLog(1_000)).reverse().filter((entry) => entry.action.startsWith('question-translation'));
				expect(entries.map((entry) => [entry.action, entry.detail])).toEqual([
					['question-translation', 'fr: Qui fait le suivi ?'],
					['question-translation', 'fr: Qui assure le suivi ?'],
					['question-translation-removed', 'fr: Qui assure le suivi ?']
				]);
			});

			it('refuses a translation into the language the question was asked in, changing nothing', async () => {
				const asked = await store.ask(question('Still pending'), writer('a'), generous);
				const id = asked.kind === 'accepted' ? asked.question.id : '';
				expect(await store.moderate(id, { status: 'approved', translations: { en: 'Still pending, again' } }, actor)).toEqual({ kind: 'same-language', lang: 'en' });
				expect(await store.get(id)).toMatchObject({ status: 'pending', translations: {} });
			});

			it('purges a translated question with its translations', async () => {
				const id = await approved('Soon purged');
				await store.moderate(id, { translations: { fr: 'Bientôt effacée' } }, actor);
				expect(await store.purge(new Date(Date.now() + 1_000))).toBe(1);
				expect(await store.get(id)).toBeUndefined();
			});

			it('tells listeners after each committed change', async () => {
				let calls = 0;
				const stop = store.changes.subscribe(() => calls++);
				const id = await approved('Heard');
				await store.vote(id, writer('v'), true);
				stop();
				await store.vote(id, writer('w'), true);
				expect(calls).toBe(3);
			});

			it('deletes questions and their votes older than the retention limit', async () => {
				const id = await approved('Old');
				await store.vote(id, writer('v'), true, at('2022-05-18T18:00:00Z'));
				await store.ask(question('New'), writer('b'), generous, new Date(Date.now() + 60_000));
				expect(await store.purge(new Date(Date.now() + 1_000))).toBe(1);
				expect(await store.get(id)).toBeUndefined();
				expect(await store.votesOf('v')).toEqual([]);
				expect((await store.list('pending')).map((q) => q.text)).toEqual(['New']);
			});
		});

		it('makes one address key per period and keeps only the current and previous', async () => {
			const day = 24 * 60 * 60_000;
			const t0 = Date.parse('2022-05-18T00:00:00Z');
			const [first] = await store.addressKeys(new Date(t0));
			expect(await store.addressKeys(new Date(t0 + 1000))).toEqual([first]);
			const next = await store.addressKeys(new Date(t0 + day));
			expect(next).toHaveLength(2);
			expect(next[1]).toBe(first);
			const later = await store.addressKeys(new Date(t0 + 2 * day));
			expect(later).toEqual([expect.any(String), next[0]]);
			expect(later).not.toContain(first);
		});

		it('records every moderation and opening in the audit log', async () => {
			await store.setOpen(true, actor);
			const id = await approved('Audited');
			await store.moderate(id, { onScreen: true }, actor);
			await store.moderate(id, { status: 'answered' }, actor);
			await store.setOpen(false, actor);
			expect(await auditActions(engineUnderTest)).toEqual(['questions-open', 'question-approved', 'question-on-screen', 'question-answered', 'questions-close']);
		});
	});
}

/** The audit log is the pledge ledger's, oldest entry first here. */
async function auditActions({ site }: EngineUnderTest): Promise<string[]> {
	return (await site.auditLog(1_000)).map((entry) => entry.action).reverse();
}
