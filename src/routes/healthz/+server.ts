import { openStreamCount } from '$lib/server/stream';
import type { RequestHandler } from './$types';

const headers = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

// 200 only when the store can be read and written (a real write): a load balancer stops sending
// visitors to an instance whose disk is full, whose file is gone or whose PostgreSQL is away.
// X-Stream-Clients: open pledge streams, for operators (and the test that disconnects release them).
export const GET: RequestHandler = async ({ locals }) => {
	const { canRead, canWrite } = await locals.store.health().catch(() => ({ canRead: false, canWrite: false }));
	const store = canWrite ? 'read-write' : canRead ? 'read-only' : 'unavailable';
	const withDetails = { ...headers, 'x-stream-clients': String(openStreamCount()), 'x-store': store };
	return canWrite
		? new Response('ok\n', { headers: withDetails })
		: new Response(`store ${store}\n`, { status: 503, headers: { ...withDetails, 'retry-after': '5' } });
};
