import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CaptionStore } from '$lib/server/captions/store';
import type { Store } from '$lib/server/store/types';
import { event } from '$lib/event/event';
import type { EngineUnderTest } from './questions-contract';

const actor = { id: 'organizer-1', email: 'moderator@example.org' };
// Instants during the event, derived from its start: a fake clock for every write.
const start = event.start.getTime();
const at = (seconds: number) => new Date(start + seconds * 1000);

/** The behaviour the captions store has on every engine (captions.spec.ts runs it on each). */
export function captionStoreContract(engine: string, open: () => Promise<EngineUnderTest>): void {
	describe(`the captions store (${engine})`, () => {
		let engineUnderTest: EngineUnderTest;
		let site: Store;
		let captions: CaptionStore;

		beforeEach(async () => {
			engineUnderTest = await open();
			site = engineUnderTest.site;
			captions = site.captions;
		});
		afterEach(async () => {
			await engineUnderTest.close();
		});

		it('gives a captioner a token that it alone checks, and forgets it on removal', async () => {
			const { captioner, token } = await site.captioners.add('Captioner@Example.org');
			expect(captioner.email).toBe('captioner@example.org');
			expect(await site.captioners.checkToken(token)).toEqual(captioner);
			expect(await site.organizers.checkToken(token)).toBeUndefined();
			expect(await site.captioners.checkToken(`${token}x`)).toBeUndefined();
			await expect(site.captioners.add('captioner@example.org')).rejects.toThrow();
			expect(await site.captioners.remove('captioner@example.org')).toBe(true);
			expect(await site.captioners.checkToken(token)).toBeUndefined();
		});

		it('stores a final line with its language, text and instant', async () => {
			const outcome = await captions.post({ lang: 'en', text: 'Good afternoon.', isFinal: true }, at(5));
			expect(outcome.kind).toBe('stored');
			const lines = await captions.transcript('en');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatchObject({ lang: 'en', text: 'Good afternoon.', isFinal: true, isHidden: false });
			expect(new Date(lines[0].at).getTime()).toBe(at(5).getTime());
			expect(await captions.transcript('fr')).toEqual([]);
		});

		it('replaces a partial line by the next with its id, keeping when it began', async () => {
			await captions.post({ lang: 'fr', id: 'l1', text: 'Bonjour', isFinal: false }, at(1));
			await captions.post({ lang: 'fr', id: 'l1', text: 'Bonjour à', isFinal: false }, at(2));
			const final = await captions.post({ lang: 'fr', id: 'l1', text: 'Bonjour à tous.', isFinal: true }, at(3));
			const latest = await captions.latest('fr', 10);
			expect(latest).toHaveLength(1);
			expect(latest[0]).toMatchObject({ id: 'l1', text: 'Bonjour à tous.', isFinal: true });
			expect(new Date(latest[0].startedAt).getTime()).toBe(at(1).getTime());
			expect(final.kind === 'stored' && final.line.seq).toBe(latest[0].seq);
		});

		it('refuses to replace a final line', async () => {
			await captions.post({ lang: 'en', id: 'done', text: 'Thank you.', isFinal: true }, at(1));
			expect(await captions.post({ lang: 'en', id: 'done', text: 'Changed', isFinal: false }, at(2))).toEqual({ kind: 'final-already' });
			expect((await captions.transcript('en')).map((line) => line.text)).toEqual(['Thank you.']);
		});

		it('gives every version after a cursor, oldest first, in one language', async () => {
			const first = await captions.post({ lang: 'en', id: 'a', text: 'One', isFinal: true }, at(1));
			await captions.post({ lang: 'fr', id: 'a', text: 'Un', isFinal: true }, at(1));
			await captions.post({ lang: 'en', id: 'b', text: 'Two', isFinal: false }, at(2));
			await captions.post({ lang: 'en', id: 'b', text: 'Two words', isFinal: false }, at(3));
			const cursor = first.kind === 'stored' ? first.line.seq : 0;
			expect((await captions.after('en', cursor, 10)).map((line) => line.text)).toEqual(['Two words']);
			expect((await captions.after('en', 0, 1)).map((line) => line.text)).toEqual(['One']);
		});

		it('lets an organizer correct and hide a final line, audited', async () => {
			await captions.post({ lang: 'en', id: 'x', text: 'Helo', isFinal: true }, at(1));
			await captions.post({ lang: 'en', id: 'y', text: 'Off the record', isFinal: true }, at(2));
			expect(await captions.correct('en', 'x', { text: 'Hello' }, actor, at(100))).toBe('corrected');
			expect(await captions.correct('en', 'y', { isHidden: true }, actor, at(101))).toBe('corrected');
			expect(await captions.correct('en', 'missing', { isHidden: true }, actor, at(102))).toBe('not-found');
			expect((await captions.transcript('en')).map((line) => line.text)).toEqual(['Hello']);
			expect((await captions.finalLines('en')).map((line) => [line.text, line.isHidden])).toEqual([
				['Hello', false],
				['Off the record', true]
			]);
			expect(await auditActions(site)).toEqual(['caption-correct', 'caption-hide']);
		});

		it('makes a correction or a hide a new version of the line, heard by listeners, so open pages replace or take it away', async () => {
			await captions.post({ lang: 'en', id: 'x', text: 'Helo', isFinal: true }, at(1));
			const before = (await captions.latest('en', 1))[0];
			// Each change is told to this instance's listeners as it commits. PostgreSQL's listener also
			// tells them once when its connection opens (a re-read), whenever that lands: so each change
			// is counted as what arrived while it was made.
			let calls = 0;
			const stop = captions.changes.subscribe(() => calls++);
			const heardDuring = async (change: () => Promise<unknown>) => {
				const counted = calls;
				await change();
				return calls - counted;
			};
			expect(await heardDuring(() => captions.correct('en', 'x', { text: 'Hello' }, actor, at(100)))).toBeGreaterThanOrEqual(1);
			const corrected = await captions.after('en', before.seq, 10);
			expect(corrected).toMatchObject([{ id: 'x', text: 'Hello', isFinal: true, isHidden: false, startedAt: before.startedAt, at: before.at }]);
			expect(await heardDuring(() => captions.correct('en', 'x', { isHidden: true }, actor, at(101)))).toBeGreaterThanOrEqual(1);
			expect(await captions.after('en', corrected[0].seq, 10)).toMatchObject([{ id: 'x', text: 'Hello', isHidden: true }]);
			stop();
		});

		it('opens and closes captioning, audited only when it changes', async () => {
			expect(await captions.isOpen()).toBe(false);
			await captions.setOpen(true, actor, at(-7200));
			await captions.setOpen(true, actor, at(-7100));
			expect(await captions.isOpen()).toBe(true);
			await captions.setOpen(false, actor, at(-7000));
			expect(await captions.isOpen()).toBe(false);
			expect(await auditActions(site)).toEqual(['captions-open', 'captions-close']);
		});

		it('keeps the pledges’ last change apart from the captions’ audit entries', async () => {
			const before = (await site.snapshot()).updatedAt;
			await captions.setOpen(true, actor, new Date());
			expect((await site.snapshot()).updatedAt).toBe(before);
		});
	});
}

/** The audit log, oldest entry first. */
async function auditActions(site: Store): Promise<string[]> {
	return (await site.auditLog(1_000)).map((entry) => entry.action).reverse();
}
