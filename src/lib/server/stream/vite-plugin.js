// @ts-check
/**
 * Under `vite dev`, `GET /api/pledges/stream` is answered ahead of SvelteKit by the endpoint
 * production uses (src/lib/server/stream/endpoint.ts), loaded through Vite's SSR module graph, the
 * one SvelteKit's dev server loads the hooks from: both reach the same site (store and hub).
 * @returns {import('vite').Plugin}
 */
export function pledgeStreamDev() {
	return {
		name: 'imrf:pledge-stream-dev',
		apply: 'serve',
		configureServer(server) {
			server.middlewares.use(async (req, res, next) => {
				const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
				if ((req.method !== 'GET' && req.method !== 'HEAD') || pathname !== '/api/pledges/stream') return next();
				try {
					const { serveStreamRequest } = await server.ssrLoadModule('/src/lib/server/stream/endpoint.ts');
					serveStreamRequest(req, res);
				} catch (error) {
					next(error);
				}
			});
		}
	};
}
