import { getStore } from '$lib/server/store';
import type { RequestHandler } from './$types';

const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

function storeAnswers(): boolean {
	try {
		return getStore().isHealthy();
	} catch {
		return false;
	}
}

export const GET: RequestHandler = () =>
	storeAnswers() ? new Response('ok\n', { headers }) : new Response('store unavailable\n', { status: 503, headers });
