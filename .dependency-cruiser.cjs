// The layers of src/ and the rules that keep them drawable (`npm run check:layers`, part of `npm test`).
// From the bottom up: i18n ← event ← livestream, calendar, seo … ← components ← islands ← routes,
// with src/lib/server/ beside them for server code only. tests/layers/check-layers.js runs these rules, plus the
// one dependency-cruiser cannot say: no cycle between the folders of src/lib.

/** A spec may take its examples from any layer: nothing imports it, so it cannot close a cycle. */
const SPEC = '\\.spec\\.ts$';

/** SvelteKit's own modules: provided by the framework when it builds, never files of ours. */
const SVELTEKIT_MODULES = [
	'$app/environment',
	'$app/forms',
	'$app/navigation',
	'$app/paths',
	'$app/server',
	'$app/state',
	'$env/dynamic/private',
	'$env/dynamic/public',
	'$env/static/private',
	'$env/static/public',
	'$service-worker'
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
	forbidden: [
		{
			name: 'no-module-cycle',
			comment: 'A cycle makes the order modules load in matter and lets no part be read or tested alone. Type-only imports vanish when compiled: they may.',
			severity: 'error',
			from: { path: '^src/' },
			to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } }
		},
		{
			name: 'server-code-stays-on-the-server',
			comment:
				'src/lib/server/ holds secrets, the store and node-only code: only server code may import it (itself, hooks.server, +server and +*.server routes, the commands in src/bin, the types of app.d.ts).',
			severity: 'error',
			from: { pathNot: ['^src/lib/server/', '/\\+(page|layout)\\.server\\.ts$', '/\\+server\\.ts$', '^src/hooks\\.server\\.ts$', '^src/bin/', '^src/app\\.d\\.ts$'] },
			to: { path: '^src/lib/server/' }
		},
		{
			name: 'i18n-knows-no-domain',
			comment: 'i18n is the bottom layer (languages, words, formatting): every other part may use it, so it may use none of them.',
			severity: 'error',
			from: { path: '^src/lib/i18n/', pathNot: SPEC },
			to: { path: '^src/', pathNot: '^src/lib/i18n/' }
		},
		{
			name: 'no-tests-or-benchmarks-in-the-site',
			comment: 'tests/ and the benchmarks (src/bin/bench/, run by src/bin/bench.js) are tools that drive the site; the site never depends on them.',
			severity: 'error',
			from: { path: '^src/', pathNot: ['^src/bin/bench/', '^src/bin/bench\\.js$'] },
			to: { path: ['^tests/', '^src/bin/bench/'] }
		},
		{
			name: 'lib-below-routes',
			comment: 'Routes are the top layer: they use src/lib, never the other way round (a component two pages share lives in src/lib).',
			severity: 'error',
			from: { path: '^src/lib/' },
			to: { path: '^src/routes/' }
		},
		{
			name: 'lib-below-commands',
			comment:
				'The commands in src/bin start and drive the site: src/lib never depends on them.',
			severity: 'error',
			from: { path: '^src/lib/' },
			to: { path: '^src/bin/' }
		},
		{
			name: 'every-import-resolves',
			comment:
				'An import these rules cannot follow is an edge they cannot check. ./$types are the route types svelte-kit sync writes under .svelte-kit/types (found through tsconfig rootDirs).',
			severity: 'error',
			from: { path: '^src/' },
			to: { couldNotResolve: true, pathNot: '(^|/)\\$types$' }
		}
	],
	options: {
		// $lib, $locales and $app/types as svelte-kit sync writes them (npm run check:layers runs it first).
		tsConfig: { fileName: '.svelte-kit/tsconfig.json' },
		// Type-only imports are kept as such, so that the cycle rules can set them aside.
		tsPreCompilationDeps: true,
		builtInModules: { add: SVELTEKIT_MODULES },
		doNotFollow: { path: 'node_modules' },
		// Packages resolve through their `exports`, as Vite resolves them (svelte/internal/client, @sveltejs/kit).
		enhancedResolveOptions: {
			exportsFields: ['exports'],
			conditionNames: ['import', 'require', 'node', 'default', 'types'],
			mainFields: ['module', 'main', 'types', 'typings']
		},
		reporterOptions: { text: { highlightFocused: true } }
	}
};
