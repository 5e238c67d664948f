// @ts-check
// `npm run check:layers`: the rules of .dependency-cruiser.cjs over src/, and the one rule they cannot
// say: no cycle between the folders of src/lib (the layers), type-only imports aside. dependency-cruiser's
// own folder cycles count type-only imports and every nesting level (store ↔ store/sqlite), so this
// file groups the modules it found by their folder under src/lib and looks for cycles there.
import { fileURLToPath } from 'node:url';
import { cruise, format } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/** @typedef {Pick<import('dependency-cruiser').IModule, 'source'> & { dependencies: Pick<import('dependency-cruiser').IDependency, 'resolved' | 'dependencyTypes'>[] }} Module */

/** The layer of a module of src/lib: its folder there (a file directly in src/lib is a layer of its own). */
const layerOf = (/** @type {string} */ path) => /^src\/lib\/([^/]+)/.exec(path)?.[1];

// As in .dependency-cruiser.cjs: nothing imports a spec, and it may take its examples from any layer.
const isSpec = (/** @type {string} */ path) => path.endsWith('.spec.ts');

/**
 * The groups of layers that import each other round in a circle, each with one import for every step
 * between two of its layers (what to look at to cut it). Empty when the layers can be drawn.
 * @param {Module[]} modules
 * @returns {{ layers: string[], imports: string[] }[]}
 */
export function layerCycles(modules) {
	/** @type {Map<string, Map<string, string>>} layer → layer it imports → the first import doing so */
	const steps = new Map();
	for (const { source, dependencies } of modules) {
		const from = layerOf(source);
		if (!from || isSpec(source)) continue;
		for (const { resolved, dependencyTypes } of dependencies) {
			const to = layerOf(resolved);
			if (!to || to === from || dependencyTypes.includes('type-only')) continue;
			if (!steps.has(from)) steps.set(from, new Map());
			if (!steps.get(from)?.has(to)) steps.get(from)?.set(to, `${source} → ${resolved}`);
		}
	}
	return stronglyConnected(steps)
		.filter((group) => group.length > 1)
		.map((group) => {
			const layers = group.sort();
			const imports = layers.flatMap((from) => [...(steps.get(from) ?? [])].filter(([to]) => layers.includes(to)).map(([, example]) => example));
			return { layers, imports };
		});
}

/**
 * Tarjan's strongly connected components: each group of nodes that all reach one another.
 * @param {Map<string, Map<string, unknown>>} graph
 */
function stronglyConnected(graph) {
	/** @type {Map<string, { index: number, low: number }>} */
	const seen = new Map();
	/** @type {string[]} */
	const stack = [];
	/** @type {string[][]} */
	const groups = [];
	const visit = (/** @type {string} */ node) => {
		const mark = { index: seen.size, low: seen.size };
		seen.set(node, mark);
		stack.push(node);
		for (const next of graph.get(node)?.keys() ?? []) {
			if (!seen.has(next)) visit(next);
			if (stack.includes(next)) mark.low = Math.min(mark.low, seen.get(next)?.low ?? mark.low);
		}
		if (mark.low === mark.index) groups.push(stack.splice(stack.indexOf(node)));
	};
	for (const node of graph.keys()) if (!seen.has(node)) visit(node);
	return groups;
}

/**
 * dependency-cruiser's report on src/ of the current folder (its rules), then the layers' cycles.
 * @returns {Promise<{ report: string, isClean: boolean }>}
 */
export async function checkLayers() {
	const options = await extractDepcruiseOptions(fileURLToPath(new URL('../../.dependency-cruiser.cjs', import.meta.url)));
	const tsConfig = options.tsConfig?.fileName ? extractTSConfig(options.tsConfig.fileName) : undefined;
	const { output } = await cruise(['src'], options, {}, { tsConfig });
	if (typeof output === 'string') throw new Error('dependency-cruiser answered text where its result was expected');
	const rules = await format(output, { outputType: 'err-long' });
	const cycles = layerCycles(output.modules);
	const layerReport = cycles.length
		? cycles.map(({ layers, imports }) => `  error layer-cycle: ${layers.join(' ↔ ')}\n${imports.map((step) => `    ${step}`).join('\n')}`).join('\n\n')
		: `✔ no cycle between the ${new Set(output.modules.filter(({ source }) => !isSpec(source)).map(({ source }) => layerOf(source)).filter(Boolean)).size} layers of src/lib.`;
	return { report: `${String(rules.output).replace(/^\n+|\s+$/g, '')}\n\n${layerReport}\n`, isClean: rules.exitCode === 0 && cycles.length === 0 };
}

// Run as a command (not imported by its spec).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const { report, isClean } = await checkLayers();
	process.stdout.write(report);
	process.exitCode = isClean ? 0 : 1;
}
