import { env } from '$env/dynamic/private';
import { metricsResponse } from '$lib/server/metrics/endpoint';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request }) => metricsResponse(request, env.METRICS_TOKEN);
