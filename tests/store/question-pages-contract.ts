import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { byVotesThenAge } from '$lib/questions/ranking';
import { decodeCursor } from '$lib/server/questions/cursor';
import type { QuestionLimits, QuestionStore, Writer } from '$lib/server/questions/types';
import type { EngineUnderTest } from './questions-contract';

const actor = { id: 'organizer-1', email: 'moderator@example.org' };
const generous: QuestionLimits = { pendingPerBrowser: 100, pendingPerAddress: 100, askedPerHourPerBrowser: 100, askedPerHourPerAddress: 100 };
const writer = (browser: string): Writer => ({ browser, addresses: [`address-${browser}`] });

/** The bounded public lists on every engine: the top of each status, then pages after a cursor. */
export function questionPagesContract(engine: string, open: () => Promise<EngineUnderTest>): void {
	describe(`the questions' public pages (${engine})`, () => {
		let engineUnderTest: EngineUnderTest;
		let store: QuestionStore;

		beforeEach(async () => {
			engineUnderTest = await open();
			store = engineUnderTest.site.questions;
			await store.setOpen(true, actor);
		});
		afterEach(async () => {
			await engineUnderTest.close();
		});

		/** `count` questions of this status, asked one a minute, the i-th with `votes(i)` votes. */
		async function seed(count: number, status: 'approved' | 'answered', votes: (i: number) => number) {
			for (let i = 0; i < count; i++) {
				const outcome = await store.ask({ text: `${status} ${i}`, lang: 'en' }, writer(`${status}-${i}`), generous, new Date(Date.UTC(2022, 4, 18, 17, i)));
				if (outcome.kind !== 'accepted') throw new Error(outcome.kind);
				await store.moderate(outcome.question.id, { status }, actor);
				for (let v = 0; v < votes(i); v++) await store.vote(outcome.question.id, writer(`voter-${v}`), true);
			}
		}

		it('shows the top of each public status by votes then age, and pages the rest without a gap or a repeat', async () => {
			await seed(7, 'approved', (i) => i % 3);
			await seed(4, 'answered', () => 0);
			const first = await store.publicState(3);
			const approved = first.questions.filter((q) => q.status === 'approved');
			expect(approved).toHaveLength(3);
			expect(first.questions.filter((q) => q.status === 'answered')).toHaveLength(3);
			expect(first.nextCursor).toEqual(expect.any(String));
			expect(first.answeredCursor).toEqual(expect.any(String));

			const seen = [...approved];
			let cursor = first.nextCursor ?? null;
			while (cursor) {
				const page = await store.publicPage(decodeCursor(cursor)!, 3);
				expect(page.status).toBe('approved');
				expect(page.questions.length).toBeLessThanOrEqual(3);
				seen.push(...page.questions);
				cursor = page.nextCursor;
			}
			const all = (await store.list('approved')).map((q) => q.id);
			expect(seen.map((q) => q.id)).toEqual(all);
			expect([...seen].sort(byVotesThenAge).map((q) => q.id)).toEqual(all);

			const answeredPage = await store.publicPage(decodeCursor(first.answeredCursor!)!, 3);
			expect(answeredPage).toMatchObject({ status: 'answered', nextCursor: null });
			expect(answeredPage.questions.map((q) => q.text)).toEqual(['answered 3']);
		});

		it('keeps the question on screen in the first page, wherever it ranks', async () => {
			await seed(4, 'approved', (i) => 4 - i);
			const last = (await store.list('approved')).at(-1)!;
			await store.moderate(last.id, { onScreen: true }, actor);
			const first = await store.publicState(2);
			expect(first.questions.map((q) => q.id)).toContain(last.id);
			expect(first.questions.filter((q) => q.status === 'approved')).toHaveLength(3);
		});
	});
}
