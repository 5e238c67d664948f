import { env } from '$env/dynamic/private';
import { event } from '$lib/event/event';
import { streamMetrics, watchSite } from './metrics/registry.ts';
import { captionLogs } from './captions/caption-log.ts';
import { listSize, retentionDays } from './questions/index.ts';
import { moderationTopic, publicQuestionsTopic } from './questions/live-topics.ts';
import { publicSpeaking } from './speaking/public.ts';
import { startRetention } from './questions/retention.ts';
import { openStore } from './store/open.ts';
import type { Store } from './store/types.ts';
import { StreamHub } from './stream/stream-hub.ts';
// Loaded with the site, before requests come: the stream's route then finds Node's response of each one.
import './stream/node-exchange.ts';

/** What the server holds for its whole life: the store and the live stream's hub fed by it. */
export interface Site {
	store: Store;
	hub: StreamHub;
}

let opening: Promise<Site> | undefined;
let opened: Site | undefined;

/** The site if it is open already (for /healthz's stream count, which must not open the store). */
export function openedSite(): Site | undefined {
	return opened;
}

/**
 * The site's parts, assembled once from the settings (DATABASE_URL picks the engine). A store that
 * cannot be opened yet (PostgreSQL down at start) is tried again on the next request.
 */
export function openSite(): Promise<Site> {
	opening ??= assemble().catch((error) => {
		opening = undefined;
		throw error;
	});
	return opening;
}

async function assemble(): Promise<Site> {
	const store = await openStore(env.DATABASE_URL);
	const hub = new StreamHub({
		snapshot: () => store.snapshot(),
		changes: store.changes,
		// The questions as a snapshot then changes; the console's queue for signed-in organizers only (src/lib/server/stream/live-endpoint.ts).
		topics: [
			publicQuestionsTopic(store.questions, listSize),
			// Who is speaking, for the broadcast overlay: a few bytes, carried only to the streams that ask (`?topics=speaking`).
			{ event: 'speaking', read: async () => JSON.stringify(publicSpeaking(await store.speaking.current())), changes: store.speaking.changes, isDefault: false },
			moderationTopic(store.questions)
		],
		// A topic per language (`?captions=en`), each line to every follower.
		logs: captionLogs(store.captions),
		// Tests shorten it to see heartbeats; proxies drop streams silent for about a minute.
		heartbeatMs: Number(env.STREAM_HEARTBEAT_MS) || 15_000,
		observer: streamMetrics
	});
	watchSite({ hub, questions: store.questions });
	const stopRetention = startRetention(store.questions, event.end, retentionDays());
	process.once('sveltekit:shutdown', () => {
		stopRetention();
		hub.closeAll();
		void store.close();
	});
	opened = { store, hub };
	return opened;
}
