// @ts-check
import { ISLANDS_PATH } from './path.js';

/**
 * Adds the islands' client module (src/lib/islands/main.ts) to SvelteKit's client build, as
 * `islands.js` at the site's root; its shared chunks stay hashed under /_app/immutable/.
 * In development, the same address leads to the module's source.
 * @param {string} [entry]
 * @returns {import('vite').Plugin}
 */
export function islandsEntry(entry = 'src/lib/islands/main.ts') {
	let isClientBuild = false;
	return {
		name: 'islands-entry',
		configResolved(config) {
			isClientBuild = config.command === 'build' && !config.build.ssr;
		},
		buildStart() {
			if (isClientBuild) this.emitFile({ type: 'chunk', id: entry, fileName: ISLANDS_PATH.slice(1) });
		},
		configureServer(server) {
			server.middlewares.use((request, response, next) => {
				if (request.url !== ISLANDS_PATH) return next();
				response.statusCode = 307;
				response.setHeader('location', `/${entry}`);
				response.end();
			});
		}
	};
}
