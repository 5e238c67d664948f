/**
 * The text/event-stream wire format (WHATWG HTML, "Server-sent events"): pure encoders, no I/O.
 */

export interface ServerSentEvent {
	id?: number | string;
	event?: string;
	data: string;
}

/** One event, ended by the blank line that makes the browser dispatch it. */
export function encodeEvent({ id, event, data }: ServerSentEvent): string {
	let frame = '';
	if (id !== undefined) frame += `id: ${id}\n`;
	if (event) frame += `event: ${event}\n`;
	// A newline inside data would end the field early: each line gets its own `data:`.
	for (const line of data.split(/\r\n|\r|\n/)) frame += `data: ${line}\n`;
	return `${frame}\n`;
}

/** A comment line: ignored by EventSource, but keeps proxies and NAT tables from closing an idle stream. */
export const HEARTBEAT = ':\n\n';

/**
 * How long the browser waits before reconnecting, spread over [minMs, maxMs) so that a redeploy
 * does not bring every viewer back in the same instant.
 */
export function encodeRetry(minMs: number, maxMs: number, random: () => number = Math.random): string {
	return `retry: ${Math.floor(minMs + random() * Math.max(0, maxMs - minMs))}\n\n`;
}

/** The response headers of an event stream; `no-transform` keeps proxies from compressing (and so buffering) it. */
export const STREAM_HEADERS = {
	'content-type': 'text/event-stream; charset=utf-8',
	'cache-control': 'no-cache, no-transform',
	'x-accel-buffering': 'no'
} as const;
