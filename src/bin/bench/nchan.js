// @ts-check
// The reference the stream parts compare the site with: nginx with the nchan module
// (Debian: `apt-get install nginx-light libnginx-mod-nchan`), one worker process, messages in its
// shared memory. Viewers subscribe with EventSource at `/sub/<channel>`; a message POSTed to
// `/pub/<channel>` goes to every subscriber of that channel, with `X-EventSource-Event` as its
// `event:` line, as the site's stream names its events.
import { nchanModule, nginxBinary, startNginx } from './nginx.js';
import { closeGenerators, generator, openStreams, sleep } from './stream-load.js';

export const INSTALL_NCHAN = 'apt-get install nginx-light libnginx-mod-nchan';

/** Why the reference cannot run here (what to install), or undefined when it can. */
export function nchanMissing() {
	if (process.env.BENCH_NCHAN === 'off') return 'BENCH_NCHAN=off';
	if (!nginxBinary()) return `nginx not found (${INSTALL_NCHAN})`;
	if (!nchanModule()) return `the nchan module not found (${INSTALL_NCHAN})`;
	return undefined;
}

/** The line a part prints instead of the reference's figures. @param {string} reason */
export const nchanSkipped = (reason) => `nginx+nchan reference skipped: ${reason}`;

/** nginx+nchan for up to `connections` subscribers at once. @param {number} connections */
export async function startNchan(connections) {
	const nginx = await startNginx({
		modules: [/** @type {string} */ (nchanModule())],
		connections,
		// A published message is read whole from memory, not spooled to a file.
		http: 'client_body_buffer_size 1m; client_max_body_size 1m;',
		server: `
		location ~ ^/sub/(\\w+)$ {
			nchan_subscriber eventsource;
			nchan_channel_id $1;
			# Only what is published after the viewer arrived, as the site sends changes.
			nchan_subscriber_first_message newest;
		}
		location ~ ^/pub/(\\w+)$ {
			nchan_publisher http;
			nchan_channel_id $1;
		}`
	});
	const { hostname: host, port } = new URL(nginx.origin);
	return {
		host,
		port: Number(port),
		/** The path a viewer of `channel` subscribes to. @param {string} channel */
		subscribePath: (channel) => `/sub/${channel}`,
		/** Publishes `data` as event `event` on `channel`; resolves on nchan's answer. @param {string} channel @param {string} event @param {string} data */
		publish: async (channel, event, data) => {
			const response = await fetch(`${nginx.origin}/pub/${channel}`, { method: 'POST', headers: { 'x-eventsource-event': event, 'content-type': 'text/plain' }, body: data });
			if (!response.ok) throw new Error(`nchan's publisher answered ${response.status}`);
			await response.arrayBuffer();
		},
		rssBytes: nginx.workerRssBytes,
		stop: nginx.stop
	};
}

/**
 * The reference with viewers of its own: nginx+nchan for up to `connections` subscribers and
 * `generatorCount` forked load generators (the site's parts' client code) to hold them. Undefined, with
 * a line saying why and how to install it, when it cannot run here.
 * @param {number} connections @param {number} generatorCount
 */
export async function nchanCrowd(connections, generatorCount) {
	const missing = nchanMissing();
	if (missing) {
		console.log(nchanSkipped(missing));
		return undefined;
	}
	const nchan = await startNchan(connections);
	const generators = Array.from({ length: generatorCount }, generator);
	await Promise.all(generators.map((g) => g.ready));
	// Warm nchan up (a channel, a subscriber, a message) before the memory baseline, as the parts warm the site.
	const warm = await fetch(`http://${nchan.host}:${nchan.port}${nchan.subscribePath('warm')}`, { headers: { accept: 'text/event-stream' } });
	await nchan.publish('warm', 'count', '{}');
	await warm.body?.cancel();
	await sleep(500);
	const baselineRss = nchan.rssBytes();
	return {
		nchan,
		generators,
		/** Opens `count` more subscribers on `channel` (or each generator's channel); what they hold in all now. @param {number} count @param {string | ((index: number) => string)} channel */
		open: (count, channel) =>
			openStreams(generators, count, {
				host: nchan.host,
				port: nchan.port,
				path: typeof channel === 'function' ? (index) => nchan.subscribePath(channel(index)) : nchan.subscribePath(channel),
				openedBy: ': hi'
			}),
		/** nchan's worker memory per subscriber held, over its baseline. @param {number} held */
		memoryPerStream: (held) => (nchan.rssBytes() - baselineRss) / held,
		stop: async () => {
			await closeGenerators(generators);
			await nchan.stop();
		}
	};
}
