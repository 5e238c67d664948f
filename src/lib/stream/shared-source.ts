/**
 * One EventSource per stream URL and page, shared by every island that follows it (the pledge
 * counter and the questions both read /api/pledges/stream): one connection per viewer, not one per island.
 */
interface Shared {
	source: EventSource;
	users: number;
	/** The newest event of each kind: an island that starts listening after it arrived still gets the state. */
	latest: Map<string, MessageEvent<string>>;
}

/** The events of the live stream that each carry a whole state (so the newest one is enough). */
const STATE_EVENTS = ['count', 'questions', 'speaking'];

function open(url: string): Shared {
	const shared: Shared = { source: new EventSource(url), users: 0, latest: new Map() };
	for (const event of STATE_EVENTS) shared.source.addEventListener(event, (message) => shared.latest.set(event, message as MessageEvent<string>));
	return shared;
}

const sources = new Map<string, Shared>();

export interface StreamConnection {
	readonly source: EventSource;
	on(event: string, listener: (event: MessageEvent<string>) => void): void;
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
		source: current.source,
		on(event, listener) {
			const wrapped = listener as EventListener;
			listeners.push([event, wrapped]);
			current.source.addEventListener(event, wrapped);
			const latest = current.latest.get(event);
			// Islands hydrate one per task: the second may start after the stream's first state arrived.
			if (latest) queueMicrotask(() => !isReleased && listener(latest));
		},
		release() {
			if (isReleased) return;
			isReleased = true;
			for (const [event, listener] of listeners) current.source.removeEventListener(event, listener);
			current.users -= 1;
			if (current.users === 0) {
				current.source.close();
				if (sources.get(url) === current) sources.delete(url);
			}
		}
	};
}
