import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { QuestionStore } from '../questions/types.ts';
import type { StreamObserver } from '../stream/stream-hub.ts';

/**
 * What this instance reports on /metrics (Prometheus's text format, prom-client): each instance of
 * several counts its own; Prometheus scrapes each and sums (README, "Metrics"). One registry per
 * process, the process's own default metrics included.
 */
export const registry = new Registry();

/**
 * `METRICS=off`: nothing is counted or timed, not even the process's default metrics (their event-loop
 * and garbage-collection watchers), and /metrics answers 404 whatever METRICS_TOKEN says: the site
 * without any cost of metrics, and the "without" of their overhead (README, "Settings").
 */
export const areMetricsOn = process.env.METRICS?.trim().toLowerCase() !== 'off';

if (areMetricsOn) {
	collectDefaultMetrics({ register: registry });
	// Gauges that prom-client names like counters (promtool refuses "_total" on a gauge); the same counts
	// by type stay, as nodejs_active_handles, nodejs_active_requests and nodejs_active_resources.
	for (const name of ['nodejs_active_handles_total', 'nodejs_active_requests_total', 'nodejs_active_resources_total']) registry.removeSingleMetric(name);
}
const ignored = () => {};

const eventsSent = new Counter({ name: 'imrf_stream_events_sent_total', help: 'Events written to live streams, by event (heartbeats included).', labelNames: ['event'], registers: [registry] });
const slowViewers = new Counter({ name: 'imrf_stream_slow_viewers_total', help: 'Times a live stream fell behind (its buffer full; it gets only the newest state once it drains).', registers: [registry] });
const droppedViewers = new Counter({ name: 'imrf_stream_dropped_viewers_total', help: 'Live streams that ended while behind, with updates they never received.', registers: [registry] });
const writes = new Histogram({
	name: 'imrf_write_duration_seconds',
	help: 'Requests that write (POST, PUT, PATCH, DELETE), by route and method, from arrival to answer.',
	labelNames: ['kind'],
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
	registers: [registry]
});
const storeFaults = new Counter({ name: 'imrf_store_faults_total', help: 'Requests answered 503 because the store could not be reached or written.', registers: [registry] });
const signInRefusals = new Counter({ name: 'imrf_sign_in_refusals_total', help: 'Console sign-ins and API tokens refused, by reason.', labelNames: ['reason'], registers: [registry] });

const keptAnswers = new Counter({
	name: 'imrf_kept_answers_total',
	help: 'Pages kept per ledger version sent without rendering, by where they were answered: on Node\'s request (node) or through the route (route).',
	labelNames: ['by'],
	registers: [registry]
});

/** What the hub tells (src/lib/server/stream/stream-hub.ts): counted, nothing else. */
export const streamMetrics: StreamObserver = areMetricsOn
	? {
			sent: (event, streams) => eventsSent.inc({ event: event ?? 'heartbeat' }, streams),
			fellBehind: () => slowViewers.inc(),
			leftBehind: () => droppedViewers.inc()
		}
	: { sent: ignored, fellBehind: ignored, leftBehind: ignored };

/** A write's time, by route and method; hooks.server.ts does not even time writes when metrics are off. */
export const recordWrite: (kind: string, seconds: number) => void = areMetricsOn ? (kind, seconds) => writes.observe({ kind }, seconds) : ignored;
/** A kept page sent (not rendered), by where: src/lib/server/pledges/kept-on-node.ts or the route. */
export const recordKeptAnswer: (by: 'node' | 'route') => void = areMetricsOn ? (by) => keptAnswers.inc({ by }) : ignored;
export const recordStoreFault: () => void = areMetricsOn ? () => storeFaults.inc() : ignored;
export type SignInRefusal = 'wrong-credentials' | 'too-many-attempts' | 'busy' | 'invalid-token';
export const recordSignInRefusal: (reason: SignInRefusal) => void = areMetricsOn ? (reason) => signInRefusals.inc({ reason }) : ignored;

/** The gauges read from the running site at each scrape: its streams and its questions. */
export function watchSite(site: { hub: { followersByTopic(): Record<string, number> }; questions: QuestionStore }): void {
	if (!areMetricsOn) return;
	registry.removeSingleMetric('imrf_stream_open');
	registry.removeSingleMetric('imrf_questions');
	new Gauge({
		name: 'imrf_stream_open',
		help: 'Open live streams following each topic.',
		labelNames: ['topic'],
		registers: [registry],
		collect() {
			for (const [topic, streams] of Object.entries(site.hub.followersByTopic())) this.set({ topic }, streams);
		}
	});
	new Gauge({
		name: 'imrf_questions',
		help: 'The audience’s questions by state (in the shared store: the same on every instance).',
		labelNames: ['state'],
		registers: [registry],
		async collect() {
			for (const [state, count] of Object.entries(await site.questions.counts())) this.set({ state }, count);
		}
	});
}
