import { openedSite, openSite } from './site.ts';

const plain = (status: number, text: string) => new Response(`${text}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...(status === 503 ? { 'retry-after': '5' } : {}) } });

/**
 * `GET /readyz`: whether a load balancer may send this instance traffic. 503 while the store is being
 * opened and migrated (answered at once: a probe is not kept waiting), or when it does not answer a
 * read; src/bin/serve.js answers 503 itself while draining after SIGTERM. /healthz, beside it,
 * also checks that the store can be written.
 */
export async function readinessResponse(): Promise<Response> {
	const site = openedSite();
	if (!site) {
		// Opening (migrations included) goes on in the background; the next probe sees the outcome.
		openSite().catch(() => {});
		return plain(503, 'starting');
	}
	const { canRead } = await site.store.health().catch(() => ({ canRead: false }));
	return canRead ? plain(200, 'ready') : plain(503, 'store unavailable');
}
