import type { PledgeChanges } from '../pledges/types';
import { encodeEvent, encodeRetry, HEARTBEAT, STREAM_HEADERS } from '../stream/sse';

/**
 * The organizers' stream: only the news that something changed (a new question, a vote, a
 * moderation), coalesced; the console then reloads its lists. A few moderators, so one web stream each.
 */
export function moderationStream(changes: PledgeChanges, { coalesceMs = 200, heartbeatMs = 15_000 } = {}): Response {
	const encoder = new TextEncoder();
	let stop = () => {};
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			let timer: ReturnType<typeof setTimeout> | undefined;
			let sequence = 0;
			const send = (text: string) => {
				try {
					controller.enqueue(encoder.encode(text));
				} catch {
					stop();
				}
			};
			send(encodeRetry(1_000, 3_000));
			const unsubscribe = changes.subscribe(() => {
				timer ??= setTimeout(() => {
					timer = undefined;
					sequence += 1;
					send(encodeEvent({ id: sequence, event: 'changed', data: String(sequence) }));
				}, coalesceMs);
			});
			const heartbeat = setInterval(() => send(HEARTBEAT), heartbeatMs);
			const onShutdown = () => {
				stop();
				try {
					controller.close();
				} catch {
					// already closed
				}
			};
			process.once('sveltekit:shutdown', onShutdown);
			stop = () => {
				unsubscribe();
				clearTimeout(timer);
				clearInterval(heartbeat);
				process.off('sveltekit:shutdown', onShutdown);
			};
		},
		cancel() {
			stop();
		}
	});
	return new Response(body, { headers: { ...STREAM_HEADERS, 'cache-control': 'no-store' } });
}
