// @ts-check
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { ISLANDS_PATH } from './path.js';

/**
 * The components a Svelte source marks as islands, `<Island component={Name} …>`, with the module
 * each is imported from (`undefined` when the source does not import it by that name).
 * @param {string} code
 * @returns {{ name: string, source: string | undefined }[]}
 */
export function islandsMarkedIn(code) {
	return [...code.matchAll(/<Island\b[^>]*?\bcomponent=\{\s*(\w+)\s*\}/g)].map(([, name]) => ({
		name,
		source: code.match(new RegExp(`import\\s+${name}\\s+from\\s+['"]([^'"]+)['"]`))?.[1]
	}));
}

/**
 * The modules registry.ts loads as islands (`import('…')`), as written there.
 * @param {string} code
 */
export const islandsRegisteredIn = (code) => [...code.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(([, source]) => source);

/** Groups of island chunks by how many islands share their code: more islands than this count as this many. */
const MOST_SHARED = 32;
/**
 * A chunk group's priority: the more islands share a module, the earlier its group takes it; at one
 * level, what pages also use goes before the islands' own code, which would otherwise take it along.
 * @param {number} sharing @param {boolean} [isPagesToo]
 */
const rankOf = (sharing, isPagesToo = false) => 2 * sharing + (isPagesToo ? 1 : 0);
const TOP_RANK = rankOf(MOST_SHARED + 1, true);


/**
 * The islands' build: adds their client module (src/lib/islands/main.ts) to SvelteKit's client build
 * as `islands.js` at the site's root; bundles what every island shares (Svelte, the phase clock,
 * hydrate.ts) into one chunk, each island's own code into a chunk of its own and what some islands
 * share into a chunk for them, so a page fetches only the code of the islands it has; and stops the build (or shows the error in dev) when a page marks a
 * component as an island that src/lib/islands/registry.ts does not load. The plain islands' modules
 * (plain.ts) count as islands, and what they share with hydrate.ts stays out of Svelte's chunk: a
 * page whose islands are all plain loads no Svelte.
 * @param {{ entry?: string, afterPaint?: string, registry?: string, plain?: string }} [modules]
 * @returns {import('vite').Plugin}
 */
export function islandsEntry({
	entry = 'src/lib/islands/main.ts',
	afterPaint = 'src/lib/islands/hydrate.ts',
	registry = 'src/lib/islands/registry.ts',
	plain = 'src/lib/islands/plain.ts'
} = {}) {
	let isClientBuild = false;
	let root = process.cwd();
	/** @type {Set<string>} */
	let loaderModules = new Set();
	/** @type {Map<string, string>} module → the chunk it goes to */
	let islandChunks = new Map();
	/** @type {Map<string, number>} module → how many islands need it (what islands.js loads after the paint: all) */
	let islandsSharing = new Map();
	/** @type {Promise<Set<string>> | undefined} */
	let registered;
	return {
		name: 'islands-entry',
		enforce: 'pre',
		configResolved(config) {
			isClientBuild = config.command === 'build' && !config.build.ssr;
			root = config.root;
		},
		buildStart() {
			registered = undefined;
			if (isClientBuild) this.emitFile({ type: 'chunk', id: entry, fileName: ISLANDS_PATH.slice(1) });
		},
		// In dev, an island added to the registry counts from its next save on.
		watchChange(id) {
			if (id === resolve(root, registry)) registered = undefined;
		},
		async transform(code, id) {
			if (!id.endsWith('.svelte') || !code.includes('<Island')) return;
			const registryPath = resolve(root, registry);
			registered ??= Promise.all(
				islandsRegisteredIn(readFileSync(registryPath, 'utf8')).map(async (source) => (await this.resolve(source, registryPath))?.id ?? source)
			).then((ids) => new Set(ids));
			const known = await registered;
			for (const { name, source } of islandsMarkedIn(code)) {
				const resolved = source === undefined ? undefined : (await this.resolve(source, id))?.id;
				if (resolved === undefined || !known.has(resolved)) {
					this.error(`<Island component={${name}}> in ${id}: ${name} is not an island of ${registry} (add it there, with its words)`);
				}
			}
		},
		buildEnd() {
			if (!isClientBuild) return;
			/** @param {string} start @param {Set<string>} [outside] */
			const reachable = (start, outside = new Set()) => {
				const seen = new Set([start]);
				for (const id of seen) for (const next of this.getModuleInfo(id)?.importedIds ?? []) if (!outside.has(next)) seen.add(next);
				return seen;
			};
			const isCode = (/** @type {string} */ id) => !id.includes('?') && /\.(svelte|ts|js|mjs)$/.test(id);
			const loader = reachable(resolve(root, entry));
			// The modules that import islands dynamically (the registry, its hydrate.ts and plain.ts) stay out of
			// every group: in a chunk a page also uses, the build would count each island's styles as loaded
			// later, and SvelteKit would leave them out of the page that renders the island (unstyled without
			// JavaScript). Alone, they go with islands.js and hydrate.ts's chunk, which no page imports.
			const loadsIslands = new Set([resolve(root, entry), resolve(root, plain), resolve(root, afterPaint), resolve(root, registry)]);
			loaderModules = new Set([...loader].filter((id) => !loadsIslands.has(id)));
			const plainIslands = this.getModuleInfo(resolve(root, plain))?.dynamicallyImportedIds ?? [];
			const neededByPlain = new Set(plainIslands.flatMap((island) => [...reachable(island, loader)]));
			const afterPaintModules = reachable(resolve(root, afterPaint), loader);
			const islands = [...(this.getModuleInfo(resolve(root, registry))?.dynamicallyImportedIds ?? []), ...plainIslands];
			// What the pages use themselves, short of an island (SvelteKit's client nodes, built though csr is off):
			// a page imports the chunk of each, and SvelteKit puts that chunk's styles into the page. In an island's
			// chunk, such a module would bring that island's styles into every page that uses it.
			const pagesOwn = new Set(
				[...this.getModuleIds()]
					.filter((id) => id.includes('/generated/client-optimized/nodes/'))
					.flatMap((page) => [...reachable(page, new Set([...islands, ...loader]))])
			);
			/** @type {Map<string, Set<string>>} module → the islands that need it */
			const needs = new Map();
			for (const island of islands) for (const id of reachable(island, loader)) needs.set(id, (needs.get(id) ?? new Set()).add(island));
			islandChunks = new Map();
			islandsSharing = new Map();
			// What plain islands share with hydrate.ts (an island's words and props): a chunk of its own, placed
			// before Svelte's, which would otherwise take it along, and every plain island with it.
			for (const id of afterPaintModules) {
				if (!isCode(id) || !neededByPlain.has(id) || loadsIslands.has(id)) continue;
				islandChunks.set(id, 'islands-plain');
				islandsSharing.set(id, rankOf(MOST_SHARED + 1));
			}
			for (const id of afterPaintModules) {
				if (!isCode(id) || islandChunks.has(id) || loadsIslands.has(id)) continue;
				islandChunks.set(id, 'islands');
				islandsSharing.set(id, rankOf(MOST_SHARED));
			}
			for (const [id, owners] of needs) {
				if (!isCode(id) || islandChunks.has(id)) continue;
				// Code two islands share goes with neither: into a chunk for the islands that need it; what pages use
				// too, into a chunk of its own beside it.
				const chunk = `island-${[...owners].map((owner) => basename(owner).replace(/\.\w+$/, '')).sort().join('-')}`;
				islandChunks.set(id, pagesOwn.has(id) ? `${chunk}-shared` : chunk);
				islandsSharing.set(id, rankOf(Math.min(owners.size, MOST_SHARED - 1), pagesOwn.has(id)));
			}
		},
		outputOptions(options) {
			// Called before the module graph is known: the groups read what buildEnd found.
			if (!isClientBuild || options.codeSplitting === false) return;
			const codeSplitting = typeof options.codeSplitting === 'object' ? options.codeSplitting : {};
			return {
				...options,
				codeSplitting: {
					...codeSplitting,
					groups: [
						...(codeSplitting.groups ?? []),
						// What islands.js needs before the first paint stays out of the islands' chunks (a group
						// takes its modules' dependencies along, unless an earlier group holds them).
						{ name: 'islands-loader', test: (/** @type {string} */ id) => loaderModules.has(id), priority: TOP_RANK + 1 },
						// Code more islands share is placed first, so that no chunk of fewer islands takes it along
						// (the stream's connection, shared by the counter, the questions and the console, went into
						// the console's chunk, and every page with a counter downloaded the console).
						...Array.from({ length: TOP_RANK }, (_, index) => {
							const rank = TOP_RANK - index;
							return { name: (/** @type {string} */ id) => (islandsSharing.get(id) === rank ? (islandChunks.get(id) ?? null) : null), priority: rank };
						})
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
