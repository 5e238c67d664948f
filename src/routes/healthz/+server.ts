import { openStreamCount } from '$lib/server/stream';
import type { RequestHandler } from './$types';

const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

async function storeAnswers(locals: App.Locals): Promise<boolean> {
	try {
		return await locals.store.isHealthy();
	} catch {
		return false;
	}
}

// X-Stream-Clients: open pledge streams, for operators (and the test that disconnects release them).
export const GET: RequestHandler = async ({ locals }) => {
	const withStreams = { ...headers, 'x-stream-clients': String(openStreamCount()) };
	return (await storeAnswers(locals)) ? new Response('ok\n', { headers: withStreams }) : new Response('store unavailable\n', { status: 503, headers: withStreams });
};
