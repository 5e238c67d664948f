// @ts-check
import { resolve } from 'node:path';
import { ISLANDS_PATH } from './path.js';

/**
 * Adds the islands' client module (src/lib/islands/main.ts) to SvelteKit's client build, as
 * `islands.js` at the site's root. What it loads after the first paint (src/lib/islands/hydrate.ts:
 * Svelte, the island components and their helpers) is bundled into one hashed chunk under
 * /_app/immutable/, so a phone fetches one file instead of twenty-odd small ones; the words stay
 * one small chunk per language and namespace. In development, the same address leads to the source.
 * @param {{ entry?: string, afterPaint?: string }} [modules]
 * @returns {import('vite').Plugin}
 */
export function islandsEntry({ entry = 'src/lib/islands/main.ts', afterPaint = 'src/lib/islands/hydrate.ts' } = {}) {
	let isClientBuild = false;
	let root = process.cwd();
	/** @type {Set<string>} */
	let islandModules = new Set();
	/** @type {Set<string>} */
	let loaderModules = new Set();
	return {
		name: 'islands-entry',
		configResolved(config) {
			isClientBuild = config.command === 'build' && !config.build.ssr;
			root = config.root;
		},
		buildStart() {
			if (isClientBuild) this.emitFile({ type: 'chunk', id: entry, fileName: ISLANDS_PATH.slice(1) });
		},
		buildEnd() {
			if (!isClientBuild) return;
			/** @param {string} start @param {boolean} followDynamic */
			const reachable = (start, followDynamic) => {
				const seen = new Set([start]);
				for (const id of seen) {
					const info = this.getModuleInfo(id);
					for (const next of [...(info?.importedIds ?? []), ...(followDynamic ? (info?.dynamicallyImportedIds ?? []) : [])]) seen.add(next);
				}
				return seen;
			};
			const loader = reachable(resolve(root, entry), false);
			loaderModules = new Set([...loader].filter((id) => id !== resolve(root, entry)));
			islandModules = new Set(
				[...reachable(resolve(root, afterPaint), true)].filter((id) => !loader.has(id) && !id.includes('?') && /\.(svelte|ts|js|mjs)$/.test(id))
			);
		},
		outputOptions(options) {
			// Called before the module graph is known: the group's test reads the set filled in by buildEnd.
			if (!isClientBuild || options.codeSplitting === false) return;
			const codeSplitting = typeof options.codeSplitting === 'object' ? options.codeSplitting : {};
			return {
				...options,
				codeSplitting: {
					...codeSplitting,
					groups: [
						...(codeSplitting.groups ?? []),
						// What islands.js needs before the first paint stays out of the islands' chunk (a group
						// takes its modules' dependencies along, unless an earlier group holds them).
						{ name: 'islands-loader', test: (/** @type {string} */ id) => loaderModules.has(id), priority: 2 },
						{ name: 'islands', test: (/** @type {string} */ id) => islandModules.has(id), priority: 1 }
					]
				}
			};
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
