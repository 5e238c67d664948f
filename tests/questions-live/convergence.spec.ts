import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePublicQuestions } from '$lib/questions/public';
import type { PublicQuestions, QuestionStatus } from '$lib/questions/types';
import { moderationTopic, publicQuestionsTopic } from '$lib/server/questions/live-topics';
import { readModerationQueue } from '$lib/server/questions/moderation-queue';
import type { QuestionLimits, Writer } from '$lib/server/questions/types';
import { StreamHub } from '$lib/server/stream/stream-hub';
import type { Store } from '$lib/server/store/types';
import { applyModerationChange, parseModerationQueue, type VersionedQueue } from '$lib/stream/live-moderation';
import { applyQuestionsChange } from '$lib/stream/live-questions';
import { sqlite } from '../store/engines';
import { EventSink } from '../support/event-sink';

const SEED = 20220518;
const STEPS = 500;
/** Small, so that votes move questions in and out of the bounded top. */
const LIST_SIZE = 8;
const actor = { id: 'organizer-1', email: 'moderator@example.org' };
const generous: QuestionLimits = { pendingPerBrowser: 1000, pendingPerAddress: 1000, askedPerHourPerBrowser: 1000, askedPerHourPerAddress: 1000 };
const writer = (browser: string): Writer => ({ browser, addresses: [`address-${browser}`] });

/** A seeded generator (mulberry32): the same run every time, and another seed another run. */
function random(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)] };
}

/**
 * A client of the stream as the browser's code is (src/lib/stream/): a snapshot, then changes; a
 * change out of sequence, or a connection it drops, makes it connect again for a new snapshot.
 */
class Client<T> {
	state: T | undefined;
	sink = new EventSink();
	resyncs = 0;
	#detach: () => void;
	readonly hub: StreamHub;
	readonly events: string[];
	readonly parse: (data: unknown) => T | undefined;
	readonly apply: (state: T, data: unknown) => T | undefined;
	/** What happens to the next change: read, silently lost (a proxy dropped it), or its connection dropped. */
	readonly fate: () => 'read' | 'lost' | 'dropped';
	constructor(
		hub: StreamHub,
		events: string[],
		parse: (data: unknown) => T | undefined,
		apply: (state: T, data: unknown) => T | undefined,
		fate: () => 'read' | 'lost' | 'dropped' = () => 'read'
	) {
		this.hub = hub;
		this.events = events;
		this.parse = parse;
		this.apply = apply;
		this.fate = fate;
		this.#detach = hub.attach(this.sink, events);
	}
	read(): void {
		for (const { event, data } of this.sink.take()) {
			const value: unknown = JSON.parse(data);
			const fate = event === this.events[0] ? 'read' : this.fate();
			if (event === this.events[0]) this.state = this.parse(value);
			else if (fate === 'dropped') return this.reconnect();
			else if (fate === 'lost') this.state = this.state && { ...this.state, version: Number.NaN };
			else {
				const next = this.state === undefined ? undefined : this.apply(this.state, value);
				if (next === undefined) return this.reconnect();
				this.state = next;
			}
		}
	}
	reconnect(): void {
		this.resyncs += 1;
		this.#detach();
		this.sink = new EventSink();
		this.state = undefined;
		this.#detach = this.hub.attach(this.sink, this.events);
	}
	close(): void {
		this.#detach();
	}
}

describe('viewers and the moderator following the questions', () => {
	let site: Store;
	let hub: StreamHub;
	let cleanUp: (() => Promise<void>) | undefined;

	beforeAll(async () => {
		const engine = sqlite();
		site = await engine.open();
		cleanUp = engine.cleanUp;
		hub = new StreamHub({
			snapshot: () => site.snapshot(),
			changes: site.changes,
			topics: [publicQuestionsTopic(site.questions, () => LIST_SIZE), moderationTopic(site.questions)],
			coalesceMs: 5
		});
	});
	afterAll(async () => {
		hub.closeAll();
		await site.close();
		await cleanUp?.();
	});

	it(`agree with the server after ${STEPS} random approvals, votes and answers (seed ${SEED}), one of them losing changes`, async () => {
		const rng = random(SEED);
		const store = site.questions;
		const publicTopics = ['questions'];
		const steady = new Client<PublicQuestions>(hub, publicTopics, parsePublicQuestions, applyQuestionsChange);
		let isLossy = true;
		// How many changes arrive depends on how the hub's window coalesced them, so the losses draw from a
		// generator of their own (the steps stay the same), and the first change of each round is always lost:
		// a fast machine that coalesces much still loses some.
		const fates = random(SEED + 1);
		let hasLostThisRound = false;
		// A lost change is noticed at the next one (out of sequence); a dropped connection at once.
		const lossy = new Client<PublicQuestions>(hub, publicTopics, parsePublicQuestions, applyQuestionsChange, () => {
			if (!isLossy) return 'read';
			if (!hasLostThisRound) {
				hasLostThisRound = true;
				return 'lost';
			}
			const draw = fates.next();
			return draw < 0.05 ? 'dropped' : draw < 0.1 ? 'lost' : 'read';
		});
		const moderator = new Client<VersionedQueue>(hub, ['moderation'], parseModerationQueue, applyModerationChange);
		const clients = [steady, lossy, moderator];
		let asked = 0;
		let voters = 0;

		/**
		 * Every client has what the server has now (read again until the stream has brought it). A vote
		 * first, read by all: a client that silently lost the last change learns it from this one.
		 */
		async function expectAgreement() {
			isLossy = false;
			const top = (await store.publicState(1)).questions[0];
			if (top) await store.vote(top.id, writer(`voter-check-${(voters += 1)}`), true);
			const [publicList, queue] = await Promise.all([store.publicState(LIST_SIZE), readModerationQueue(store)]);
			const expected = { open: publicList.open, questions: publicList.questions };
			await expect
				.poll(
					() => {
						for (const client of clients) client.read();
						const seen = (client: Client<PublicQuestions>) => client.state && { open: client.state.open, questions: client.state.questions };
						return [seen(steady), seen(lossy), moderator.state && { open: moderator.state.open, groups: moderator.state.groups }];
					},
					{ timeout: 10_000, interval: 10 }
				)
				.toEqual([expected, expected, queue]);
			isLossy = true;
			hasLostThisRound = false;
		}

		await store.setOpen(true, actor);
		const votersOf = new Map<string, string[]>();
		const kinds = ['ask', 'approve', 'vote', 'vote', 'vote', 'unvote', 'answer', 'screen', 'reject'] as const;
		const withStatus = async (status: QuestionStatus) => (await store.list(status)).map((q) => q.id);
		for (let step = 1; step <= STEPS; step++) {
			const kind = rng.pick(kinds);
			const pending = await withStatus('pending');
			const approved = await withStatus('approved');
			const isPublic = [...approved, ...(await withStatus('answered'))];
			if (kind === 'ask' || (kind === 'approve' && pending.length === 0)) {
				asked += 1;
				await store.ask({ text: `Question ${asked}`, lang: rng.pick(['en', 'fr'] as const) }, writer(`asker-${asked}`), generous);
			} else if (kind === 'approve') {
				await store.moderate(rng.pick(pending), { status: 'approved' }, actor);
			} else if (isPublic.length === 0) {
				continue;
			} else if (kind === 'vote') {
				const id = rng.pick(isPublic);
				voters += 1;
				await store.vote(id, writer(`voter-${voters}`), true);
				votersOf.set(id, [...(votersOf.get(id) ?? []), `voter-${voters}`]);
			} else if (kind === 'unvote') {
				const id = rng.pick(isPublic);
				const voter = votersOf.get(id)?.pop();
				if (voter) await store.vote(id, writer(voter), false);
			} else if (kind === 'answer' && approved.length > 0) {
				await store.moderate(rng.pick(approved), { status: 'answered' }, actor);
			} else if (kind === 'screen') {
				await store.moderate(rng.pick(isPublic), { onScreen: rng.next() < 0.8 }, actor);
			} else if (kind === 'reject' && approved.length > 0) {
				await store.moderate(rng.pick(approved), { status: 'rejected' }, actor);
			}
			// The clients read what has come so far, as browsers do while the changes go on.
			for (const client of clients) client.read();
			if (step % 100 === 0) await expectAgreement();
		}
		await expectAgreement();
		expect(lossy.resyncs).toBeGreaterThan(0);
		for (const client of clients) client.close();
	});
});
