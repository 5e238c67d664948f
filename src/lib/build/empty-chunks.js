// @ts-check

/**
 * SvelteKit makes its `__sveltekit/env` module an entry of every server build (`input.env` in
 * @sveltejs/kit/src/exports/vite/index.js); a site that declares no environment variables in its
 * config gets that module with empty tables and an empty `set_env`, which adapter-node's bundle then
 * leaves with nothing: a framework artifact, the same for every such site.
 */
const FRAMEWORK_EMPTY_CHUNKS = ['env.js'];

/** Rollup's words for it (its default logger prints them with console.warn). */
const EMPTY_CHUNK = /^Generated an empty chunk: "(.+)"\.?$/;

/**
 * The adapter, with a build that fails on an empty chunk. adapter-node bundles the server build
 * again, one chunk per module of it; a module left with nothing there (a browser-only module that
 * a component imports only for the browser, yet has statements the first bundler could not drop)
 * would otherwise be a warning on every build that nobody acts on. The cause is in the source:
 * the error names the chunk (its name is the module's).
 * @param {import('@sveltejs/kit').Adapter} adapter
 * @returns {import('@sveltejs/kit').Adapter}
 */
export function failOnEmptyChunks(adapter) {
	return {
		...adapter,
		async adapt(builder) {
			/** @type {string[]} */
			const empty = [];
			const warn = console.warn;
			console.warn = (...args) => {
				const chunk = typeof args[0] === 'string' ? EMPTY_CHUNK.exec(args[0])?.[1] : undefined;
				if (chunk === undefined) warn(...args);
				else if (!FRAMEWORK_EMPTY_CHUNKS.includes(chunk)) empty.push(chunk);
			};
			try {
				await adapter.adapt(builder);
			} finally {
				console.warn = warn;
			}
			if (empty.length > 0) {
				throw new Error(
					`The server build has empty chunks: ${empty.join(', ')}. Each is a module of .svelte-kit/output/server that is left with nothing: ` +
						'make its top-level statements free of side effects (or stop importing it on the server) rather than hiding the warning.'
				);
			}
		}
	};
}
