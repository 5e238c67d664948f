import http from 'node:http';

export interface StreamEvent {
	id?: string;
	event: string;
	data: string;
}

/**
 * A raw client of an event stream (node:http, as a proxy or a script would see it): every byte
 * kept, events parsed as the browser does.
 */
export class EventStreamClient {
	readonly response: Promise<http.IncomingMessage>;
	text = '';
	events: StreamEvent[] = [];
	isEnded = false;
	#request: http.ClientRequest;
	#waiters = new Set<() => void>();

	constructor(url: string, headers: Record<string, string> = {}) {
		this.#request = http.get(url, { headers: { accept: 'text/event-stream', ...headers } });
		this.response = new Promise((resolve, reject) => {
			this.#request.once('error', reject);
			this.#request.once('response', (response) => {
				response.setEncoding('utf8');
				response.on('data', (chunk: string) => this.#receive(chunk));
				response.on('end', () => {
					this.isEnded = true;
					this.#wake();
				});
				response.on('error', () => {});
				resolve(response);
			});
		});
		this.#request.on('error', () => {});
	}

	#receive(chunk: string) {
		this.text += chunk;
		this.events = parseEvents(this.text);
		this.#wake();
	}

	#wake() {
		for (const waiter of this.#waiters) waiter();
	}

	/** Resolves once `check` holds, rejects after `timeoutMs`. */
	until<T>(check: () => T | undefined | false, timeoutMs = 5_000, what = 'condition'): Promise<T> {
		return new Promise((resolve, reject) => {
			const attempt = () => {
				const value = check();
				if (value !== undefined && value !== false) {
					this.#waiters.delete(attempt);
					clearTimeout(timer);
					resolve(value);
				}
			};
			const timer = setTimeout(() => {
				this.#waiters.delete(attempt);
				reject(new Error(`timed out waiting for ${what}; received:\n${this.text.slice(-2000)}`));
			}, timeoutMs);
			this.#waiters.add(attempt);
			attempt();
		});
	}

	/** The `count` events' data, parsed. */
	get counts(): { id: number; count: number; latest: { title: string }[] }[] {
		return this.events.filter((e) => e.event === 'count').map((e) => ({ id: Number(e.id), ...JSON.parse(e.data) }));
	}

	close() {
		this.#request.destroy();
	}
}

/** Events as EventSource dispatches them: blocks ended by a blank line; comments and retry lines dispatch nothing. */
export function parseEvents(text: string): StreamEvent[] {
	const events: StreamEvent[] = [];
	const blocks = text.split(/\r?\n\r?\n/);
	blocks.pop(); // not yet complete
	for (const block of blocks) {
		let event = 'message';
		let id: string | undefined;
		const data: string[] = [];
		for (const line of block.split(/\r?\n/)) {
			if (line.startsWith(':') || line === '') continue;
			const colon = line.indexOf(':');
			const field = colon < 0 ? line : line.slice(0, colon);
			const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
			if (field === 'event') event = value;
			else if (field === 'id') id = value;
			else if (field === 'data') data.push(value);
		}
		if (data.length > 0) events.push({ id, event, data: data.join('\n') });
	}
	return events;
}
