/**
 * One EventSource per stream URL and page, shared by every island that follows it (the pledge
 * counter and the questions both read /api/pledges/stream): one connection per viewer, not one per island.
 */
import { QUESTION_EVENTS } from '$lib/questions/list-changes';

interface Shared {
	source: EventSource;
	users: number;
	/** The newest event of each kind: an island that starts listening after it arrived still gets the state. */
	latest: Map<string, MessageEvent<string>>;
	/** The changes that followed the newest snapshot of each kind, in order, for the same late island. */
	changesSince: Map<string, MessageEvent<string>[]>;
	/** Every island's listeners, moved to the new source when the state is asked for again (`resync`). */
	listeners: Set<[string, EventListener]>;
	/** A resync is under way: the islands that noticed the same gap ask once. */
	isResyncing: boolean;
}

// The two tables below are made when a page first connects, not when the module loads: a module-level
// constant read from another module's object counts as a side effect to the server's bundler, which then
// kept this browser-only module and those that import it as empty chunks of the server build.
/** The events of the live stream that carry a whole state (so the newest one is enough). */
const stateEvents = () => ['count', QUESTION_EVENTS.questions, QUESTION_EVENTS.moderation, 'speaking'];
/** Events that change the state another event carried (README, "The live stream"): kept since that state. */
const changeEvents = (): Record<string, string> => ({ [QUESTION_EVENTS.questionChanges]: QUESTION_EVENTS.questions, [QUESTION_EVENTS.moderationChanges]: QUESTION_EVENTS.moderation });
/** A late island past this many changes since the snapshot has missed some: it asks for a new snapshot. */
const MAX_KEPT_CHANGES = 100;

function listen(shared: Shared): void {
	const { source } = shared;
	for (const event of stateEvents()) {
		source.addEventListener(event, (message) => {
			shared.latest.set(event, message as MessageEvent<string>);
			shared.changesSince.set(event, []);
			shared.isResyncing = false;
		});
	}
	for (const [event, state] of Object.entries(changeEvents())) {
		source.addEventListener(event, (message) => {
			const kept = shared.changesSince.get(state);
			if (kept && kept.length < MAX_KEPT_CHANGES) kept.push(message as MessageEvent<string>);
			else shared.changesSince.delete(state);
		});
	}
	for (const [event, listener] of shared.listeners) source.addEventListener(event, listener);
}

function open(url: string): Shared {
	const shared: Shared = { source: new EventSource(url), users: 0, latest: new Map(), changesSince: new Map(), listeners: new Set(), isResyncing: false };
	listen(shared);
	return shared;
}

const sources = new Map<string, Shared>();

export interface StreamConnection {
	readonly source: EventSource;
	on(event: string, listener: (event: MessageEvent<string>) => void): void;
	/** Connects again for a fresh snapshot of every state (a change arrived out of sequence); the listeners stay. */
	resync(): void;
	/** Removes this user's listeners; the last one closes the connection. */
	release(): void;
}

export function connectStream(url: string): StreamConnection {
	let shared = sources.get(url);
	// A source the browser gave up on (CLOSED) is not reused: the newcomer opens a fresh one.
	if (!shared || shared.source.readyState === EventSource.CLOSED) {
		shared = open(url);
		sources.set(url, shared);
	}
	const current = shared;
	current.users += 1;
	const listeners: [string, EventListener][] = [];
	let isReleased = false;
	return {
		get source() {
			return current.source;
		},
		on(event, listener) {
			const entry: [string, EventListener] = [event, listener as EventListener];
			listeners.push(entry);
			current.listeners.add(entry);
			current.source.addEventListener(event, entry[1]);
			const state = changeEvents()[event];
			// Islands hydrate one per task: the second may start after the stream's first state (and its changes) arrived.
			const missed = state ? (current.changesSince.get(state) ?? []) : [current.latest.get(event)];
			for (const message of missed) if (message) queueMicrotask(() => !isReleased && listener(message));
		},
		resync() {
			if (isReleased || current.isResyncing || current.source.readyState === EventSource.CLOSED) return;
			current.isResyncing = true;
			current.source.close();
			// A new connection sends no Last-Event-ID: the server starts it with every snapshot.
			current.source = new EventSource(url);
			current.latest.clear();
			current.changesSince.clear();
			listen(current);
		},
		release() {
			if (isReleased) return;
			isReleased = true;
			for (const entry of listeners) {
				current.source.removeEventListener(entry[0], entry[1]);
				current.listeners.delete(entry);
			}
			current.users -= 1;
			if (current.users === 0) {
				current.source.close();
				if (sources.get(url) === current) sources.delete(url);
			}
		}
	};
}
