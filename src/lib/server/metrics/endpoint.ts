import { timingSafeEqual } from 'node:crypto';
import { bearerToken } from '../http/bearer.ts';
import { areMetricsOn, registry } from './registry.ts';

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
	new Response(`${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers } });

const isSame = (given: string, expected: string) => {
	const [a, b] = [Buffer.from(given), Buffer.from(expected)];
	return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * `GET /metrics`: this instance's metrics for Prometheus, only to `Authorization: Bearer
 * $METRICS_TOKEN`. Without the setting, or with `METRICS=off`, the URL does not exist (404): metrics are opt-in.
 */
export async function metricsResponse(request: Request, metricsToken: string | undefined): Promise<Response> {
	if (!metricsToken || !areMetricsOn) return plain(404, 'Not found');
	const token = bearerToken(request);
	if (token === undefined || !isSame(token, metricsToken)) return plain(401, 'Unauthorized', { 'www-authenticate': 'Bearer realm="metrics"' });
	return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
}
