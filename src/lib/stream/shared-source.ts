/**
 * One EventSource per stream URL and page, shared by every island that follows it (the pledge
 * counter and the questions both read /api/pledges/stream): one connection per viewer, not one per island.
 */
interface Shared {
	source: EventSource;
	users: number;
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
		shared = { source: new EventSource(url), users: 0 };
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
