import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUESTION_LIMITS } from '$lib/questions/schema';
import type { PublicQuestion, PublicQuestions } from '$lib/questions/types';
import { publicQuestionsTopic } from '$lib/server/questions/live-topics';
import type { QuestionStore } from '$lib/server/questions/types';
import { ListFeed } from '$lib/server/stream/list-feed';
import { StreamHub } from '$lib/server/stream/stream-hub';
import { applyQuestionsChange } from '$lib/stream/live-questions';
import { parsePublicQuestions } from '$lib/questions/public';
import { EventSink } from '../support/event-sink';

// Fake timers and the fake clock behind them: time moves only when a test moves it.
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);
const COALESCE_MS = 250;

/** A question as long as a viewer may make it: the bytes a change carries are measured at their largest. */
function longest(i: number): PublicQuestion {
	const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
	return {
		id,
		text: 'é'.repeat(QUESTION_LIMITS.text),
		name: 'n'.repeat(QUESTION_LIMITS.name),
		affiliation: 'a'.repeat(QUESTION_LIMITS.affiliation),
		lang: 'fr',
		votes: 0,
		status: 'approved',
		onScreen: false,
		createdAt: new Date(Date.UTC(2022, 4, 18, 17, 0, i)).toISOString(),
		translations: {}
	};
}

/** The public list in memory, its listeners told after each change, as the store does. */
function fakeQuestions(count: number) {
	const listeners = new Set<() => void>();
	let state: PublicQuestions = { open: true, questions: Array.from({ length: count }, (_, i) => longest(i)) };
	const store = {
		changes: { subscribe: (listener: () => void) => (listeners.add(listener), () => listeners.delete(listener)) },
		publicState: async () => structuredClone(state)
	} as unknown as QuestionStore;
	return {
		store,
		/** A change the store announces (`change` may leave the public list as it was: a question asked, pending). */
		change(edit: (questions: PublicQuestion[]) => PublicQuestion[] = (questions) => questions) {
			state = { ...state, questions: edit(state.questions) };
			for (const listener of listeners) listener();
		}
	};
}

const vote = (id: string, votes: number) => (questions: PublicQuestion[]) => questions.map((q) => (q.id === id ? { ...q, votes } : q));

const hubs: StreamHub[] = [];
function hubOf(questions: ReturnType<typeof fakeQuestions>) {
	const hub = new StreamHub({
		snapshot: async () => ({ count: 0, updatedAt: '2022-05-18T17:00:00.000Z', latest: [] }),
		changes: { subscribe: () => () => {} },
		topics: [publicQuestionsTopic(questions.store, () => 50)],
		now: () => Date.now()
	});
	hubs.push(hub);
	return hub;
}

beforeEach(() => {
	vi.useFakeTimers();
});
afterEach(() => {
	for (const hub of hubs.splice(0)) hub.closeAll();
	vi.useRealTimers();
});

describe('ListFeed', () => {
	const feed = () => new ListFeed<PublicQuestion>(({ open, items }) => ({ open, questions: [...items.values()] }));

	it('starts at version 1 with a snapshot and no change', () => {
		const update = feed().next(true, [longest(1)]);
		expect(update.isChanged).toBe(true);
		expect(update.change).toBeUndefined();
		expect(JSON.parse(update.state)).toMatchObject({ open: true, version: 1, questions: [{ id: longest(1).id }] });
	});

	it('sends the counts that moved alone, a changed question whole, and the ids that left', () => {
		const list = feed();
		const [a, b, c] = [longest(1), longest(2), longest(3)];
		list.next(true, [a, b]);
		expect(JSON.parse(list.next(true, [{ ...a, votes: 2 }, b]).change!)).toEqual({ version: 2, votes: { [a.id]: 2 } });
		expect(JSON.parse(list.next(true, [{ ...a, votes: 2, onScreen: true }, c]).change!)).toEqual({ version: 3, put: [{ ...a, votes: 2, onScreen: true }, c], drop: [b.id] });
		expect(JSON.parse(list.next(false, [{ ...a, votes: 2, onScreen: true }, c]).change!)).toEqual({ version: 4, open: false });
	});

	it('says nothing changed when a read finds the same list', () => {
		const list = feed();
		const first = list.next(true, [longest(1)]);
		expect(list.next(true, [longest(1)])).toEqual({ state: first.state, isChanged: false });
	});
});

describe('the questions on the stream', () => {
	it('starts each stream with a snapshot and its version, then sends a vote as the count that moved, under 300 bytes', async () => {
		const questions = fakeQuestions(50);
		const hub = hubOf(questions);
		const viewers = [new EventSink(), new EventSink()];
		for (const viewer of viewers) hub.attach(viewer);
		await wait(1);
		const snapshots = viewers.map((viewer) => viewer.take().find((e) => e.event === 'questions')!);
		expect(JSON.parse(snapshots[0].data)).toMatchObject({ version: 1, open: true });
		expect(JSON.parse(snapshots[0].data).questions).toHaveLength(50);

		questions.change(vote(longest(7).id, 1));
		await wait(1);
		for (const viewer of viewers) {
			const events = viewer.take();
			expect(events.map((e) => e.event)).toEqual(['questions-delta']);
			expect(JSON.parse(events[0].data)).toEqual({ version: 2, votes: { [longest(7).id]: 1 } });
			expect(events[0].bytes).toBeLessThanOrEqual(300);
		}
	});

	it('sends nothing for a change no viewer can see, and the change after it leaves at once', async () => {
		const questions = fakeQuestions(3);
		const hub = hubOf(questions);
		const viewer = new EventSink();
		hub.attach(viewer);
		await wait(1);
		viewer.take();
		const before = viewer.bytes;
		questions.change(); // a question asked: pending, not public
		await wait(1);
		expect(viewer.bytes).toBe(before);

		questions.change(vote(longest(1).id, 1));
		await wait(1); // well within the window a sent update would have opened
		expect(viewer.take().map((e) => JSON.parse(e.data))).toEqual([{ version: 2, votes: { [longest(1).id]: 1 } }]);
	});

	it('coalesces a burst of votes into one change per window, with each count that moved', async () => {
		const questions = fakeQuestions(5);
		const hub = hubOf(questions);
		const viewer = new EventSink();
		hub.attach(viewer);
		await wait(1);
		questions.change(vote(longest(0).id, 1));
		await wait(1);
		viewer.take();
		for (let i = 1; i <= 4; i++) questions.change(vote(longest(i).id, i));
		await wait(COALESCE_MS);
		const events = viewer.take();
		expect(events).toHaveLength(1);
		expect(JSON.parse(events[0].data)).toEqual({ version: 3, votes: Object.fromEntries([1, 2, 3, 4].map((i) => [longest(i).id, i])) });
	});

	it('gives a stream that fell behind the newest snapshot once it drains, never the changes it missed', async () => {
		const questions = fakeQuestions(3);
		const hub = hubOf(questions);
		const slow = new EventSink();
		hub.attach(slow);
		await wait(1);
		const [first] = slow.take().filter((e) => e.event === 'questions');
		slow.isFull = true;
		questions.change(vote(longest(0).id, 1)); // written into the full buffer: the client falls behind
		await wait(COALESCE_MS);
		questions.change(vote(longest(1).id, 2)); // missed
		await wait(COALESCE_MS);
		slow.drain();
		const events = slow.take();
		expect(events.map((e) => e.event)).toEqual(['questions-delta', 'questions']);
		const resynced = parsePublicQuestions(JSON.parse(events[1].data))!;
		expect(resynced.version).toBe(3);
		expect(Object.fromEntries(resynced.questions.map((q) => [q.id, q.votes]))).toEqual({ [longest(0).id]: 1, [longest(1).id]: 2, [longest(2).id]: 0 });
		expect(JSON.parse(first.data).version).toBe(1);
	});
});

describe('a client applying the changes', () => {
	const start: PublicQuestions = { open: true, questions: [longest(1), longest(2)], version: 4 };

	it('applies the next version and keeps the list in order', () => {
		const next = applyQuestionsChange(start, { version: 5, votes: { [longest(2).id]: 3 } });
		expect(next?.questions.map((q) => [q.id, q.votes])).toEqual([
			[longest(2).id, 3],
			[longest(1).id, 0]
		]);
		expect(next?.version).toBe(5);
	});

	it('refuses a change out of sequence (a gap) or of another shape: the client asks for a snapshot', () => {
		expect(applyQuestionsChange(start, { version: 6, drop: [longest(1).id] })).toBeUndefined();
		expect(applyQuestionsChange(start, { version: 5, put: [{ id: 'x' }] })).toBeUndefined();
		expect(applyQuestionsChange({ ...start, version: undefined }, { version: 1 })).toBeUndefined();
	});

	it('keeps fields of a question it does not know (added by later versions of the server)', () => {
		const added = { ...longest(3), translations: { en: 'Why?' } };
		expect(applyQuestionsChange(start, { version: 5, put: [added] })?.questions).toContainEqual(added);
	});
});
