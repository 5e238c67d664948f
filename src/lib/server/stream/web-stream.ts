import { STREAM_HEADERS } from './sse';
import type { StreamHub, StreamSink } from './stream-hub';

const HIGH_WATER_MARK = 16 * 1024;

/**
 * An event stream as a web `Response`, for servers other than src/bin/serve.js (`vite dev`,
 * `vite preview`, adapter-node's own entry), which hand SvelteKit no raw response.
 */
export function webStreamResponse(hub: StreamHub): Response {
	let detach = () => {};
	let drainListeners: (() => void)[] = [];
	const body = new ReadableStream<Uint8Array>(
		{
			start(controller) {
				const sink: StreamSink = {
					write(chunk) {
						controller.enqueue(chunk);
						return (controller.desiredSize ?? 0) > 0;
					},
					once(_event, listener) {
						drainListeners.push(listener);
					},
					end() {
						controller.close();
					}
				};
				detach = hub.attach(sink);
			},
			pull() {
				const listeners = drainListeners;
				drainListeners = [];
				for (const listener of listeners) listener();
			},
			cancel() {
				detach();
			}
		},
		new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_MARK })
	);
	return new Response(body, { headers: STREAM_HEADERS });
}
