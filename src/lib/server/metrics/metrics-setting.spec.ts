import { afterEach, describe, expect, test, vi } from 'vitest';

const TOKEN = 'metrics-token-for-this-test';
const scrape = () => new Request('http://localhost/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });

/** The metrics modules as a process started with `METRICS` set so (undefined: unset) loads them. */
async function loadWith(setting: string | undefined) {
	vi.resetModules();
	if (setting !== undefined) vi.stubEnv('METRICS', setting);
	const registry = await import('./registry.ts');
	const { metricsResponse } = await import('./endpoint.ts');
	return { ...registry, metricsResponse };
}

afterEach(() => {
	vi.unstubAllEnvs();
});

describe('the METRICS setting', () => {
	test('unset: writes, store faults and streams are counted, and /metrics answers with them and the default metrics', async () => {
		const metrics = await loadWith(undefined);
		expect(metrics.areMetricsOn).toBe(true);
		metrics.recordWrite('POST /api/pledges', 0.004);
		metrics.recordStoreFault();
		metrics.streamMetrics.sent('count', 3);
		const response = await metrics.metricsResponse(scrape(), TOKEN);
		expect(response.status).toBe(200);
		const text = await response.text();
		expect(text).toContain('imrf_write_duration_seconds_count{kind="POST /api/pledges"} 1');
		expect(text).toContain('imrf_store_faults_total 1');
		expect(text).toContain('imrf_stream_events_sent_total{event="count"} 3');
		expect(text).toContain('process_cpu_user_seconds_total');
	});

	test('off: nothing is recorded, no default metric is collected, and /metrics is a 404 even with its token', async () => {
		const metrics = await loadWith('off');
		expect(metrics.areMetricsOn).toBe(false);
		metrics.recordWrite('POST /api/pledges', 0.004);
		metrics.recordStoreFault();
		metrics.recordSignInRefusal('invalid-token');
		metrics.streamMetrics.sent('count', 3);
		metrics.watchSite({ hub: { followersByTopic: () => ({ count: 3 }) }, questions: { counts: async () => ({}) } as never });
		expect((await metrics.metricsResponse(scrape(), TOKEN)).status).toBe(404);
		const kept = await metrics.registry.getMetricsAsJSON();
		expect(kept.filter((metric) => metric.name.startsWith('process_') || metric.name.startsWith('nodejs_'))).toEqual([]);
		expect(kept.flatMap((metric) => metric.values.filter((value) => value.value !== 0))).toEqual([]);
		expect(kept.map((metric) => metric.name)).not.toContain('imrf_stream_open');
	});

	test('any other value leaves metrics on', async () => {
		expect((await loadWith('on')).areMetricsOn).toBe(true);
	});
});
