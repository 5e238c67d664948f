import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { layerCycles } from './check-layers.js';

const CHECK = resolve(import.meta.dirname, 'check-layers.js');

/** Modules as dependency-cruiser reports them: `from: [to, …]`, a `type:` prefix for a type-only import. */
const modules = (graph: Record<string, string[]>) =>
	Object.entries(graph).map(([source, targets]) => ({
		source,
		dependencies: targets.map((target) =>
			target.startsWith('type:') ? { resolved: target.slice(5), dependencyTypes: ['type-only' as const] } : { resolved: target, dependencyTypes: ['import' as const] }
		)
	}));

describe('the layers’ cycles', () => {
	it('find folders of src/lib that import each other round, with the imports that close the circle', () => {
		const cycles = layerCycles(
			modules({
				'src/lib/event/words.ts': ['src/lib/i18n/format.ts'],
				'src/lib/i18n/format.ts': ['src/lib/event/event.ts'],
				'src/lib/calendar/ics.ts': ['src/lib/event/event.ts']
			})
		);
		expect(cycles).toEqual([{ layers: ['event', 'i18n'], imports: ['src/lib/event/words.ts → src/lib/i18n/format.ts', 'src/lib/i18n/format.ts → src/lib/event/event.ts'] }]);
	});

	it('count a file directly in src/lib as a layer of its own', () => {
		const cycles = layerCycles(modules({ 'src/lib/settings.ts': ['src/lib/event/event.ts'], 'src/lib/event/links.ts': ['src/lib/settings.ts'] }));
		expect(cycles.map(({ layers }) => layers)).toEqual([['event', 'settings.ts']]);
	});

	it('set aside type-only imports and specs, and see none where the layers can be drawn', () => {
		const graph = {
			'src/lib/i18n/format.ts': ['type:src/lib/event/types.ts'],
			'src/lib/i18n/format.spec.ts': ['src/lib/event/event.ts'],
			'src/lib/event/event.ts': ['src/lib/i18n/format.ts'],
			'src/lib/islands/registry.ts': ['src/lib/components/LocalTime.svelte'],
			'src/lib/components/LocalTime.svelte': ['src/lib/i18n/format.ts'],
			'src/routes/+page.svelte': ['src/lib/islands/Island.svelte'],
			'src/lib/islands/Island.svelte': ['src/routes/+page.svelte']
		};
		expect(layerCycles(modules(graph))).toEqual([]);
	});
});

/** A scratch project: files by path, node_modules borrowed from this one. */
function scratchProject(files: Record<string, string>): string {
	const root = mkdtempSync(join(tmpdir(), 'layers-'));
	symlinkSync(resolve(import.meta.dirname, '../../node_modules'), join(root, 'node_modules'));
	const tsconfig = { compilerOptions: { paths: { $lib: ['../src/lib'], '$lib/*': ['../src/lib/*'], '$locales/*': ['../locales/*'] } }, include: ['../src/**/*'] };
	for (const [path, text] of Object.entries({ '.svelte-kit/tsconfig.json': JSON.stringify(tsconfig), ...files })) {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), text);
	}
	scratch.push(root);
	return root;
}
const scratch: string[] = [];
afterAll(() => scratch.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** `npm run check:layers` in a folder: its exit code and what it printed. */
async function checkLayersIn(root: string): Promise<{ code: number; report: string }> {
	try {
		const { stdout } = await promisify(execFile)(process.execPath, [CHECK], { cwd: root });
		return { code: 0, report: stdout };
	} catch (error) {
		const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
		return { code, report: stdout + stderr };
	}
}

describe('npm run check:layers', () => {
	it('fails on one breach of each rule, naming the rule and the import', { timeout: 120_000 }, async () => {
		const root = scratchProject({
			'src/lib/a/one.ts': "import { two } from './two';\nexport const one = () => two;",
			'src/lib/a/two.ts': "import { one } from './one';\nexport const two = () => one;",
			'src/lib/server/secret.ts': "export const secret = 'key';",
			// Through the $lib alias, from a component: the check reads .svelte files and resolves aliases.
			'src/lib/b/Widget.svelte': "<script lang=\"ts\">\n\timport { page } from '$app/state';\n\timport { secret } from '$lib/server/secret';\n</script>\n<p>{page.url}{secret}</p>",
			'src/lib/i18n/format.ts': "import { facts } from '../event/facts';\nexport const format = () => facts;",
			'src/lib/event/facts.ts': 'export const facts = 1;',
			'src/lib/c/up.ts': "import { down } from '../d/down';\nexport const up = down;",
			'src/lib/d/down.ts': "import { side } from '../c/side';\nexport const down = side;",
			'src/lib/c/side.ts': 'export const side = 1;',
			'src/lib/b/uses-tests.ts': "import { helper } from '../../../tests/support/helper';\nexport const used = helper;",
			'tests/support/helper.ts': 'export const helper = 1;',
			'src/routes/api/+server.ts': "import { figures } from '../../bin/bench/figures.js';\nexport const GET = () => new Response(String(figures));",
			'src/bin/bench/figures.js': 'export const figures = 1;',
			'src/lib/b/uses-route.ts': "import { GET } from '../../routes/api/+server';\nexport const get = GET;",
			'src/lib/b/uses-command.ts': "import { start } from '../../bin/start.js';\nexport const run = start;",
			'src/bin/start.js': 'export const start = 1;',
			'src/lib/b/unresolved.ts': "import { nowhere } from './nowhere';\nexport const lost = nowhere;"
		});
		const { code, report } = await checkLayersIn(root);
		expect(code).toBe(1);
		for (const breach of [
			/error no-module-cycle: src\/lib\/a\/(one|two)\.ts →/,
			'error server-code-stays-on-the-server: src/lib/b/Widget.svelte → src/lib/server/secret.ts',
			'error i18n-knows-no-domain: src/lib/i18n/format.ts → src/lib/event/facts.ts',
			'error layer-cycle: c ↔ d',
			'error no-tests-or-benchmarks-in-the-site: src/lib/b/uses-tests.ts → tests/support/helper.ts',
			'error no-tests-or-benchmarks-in-the-site: src/routes/api/+server.ts → src/bin/bench/figures.js',
			'error lib-below-routes: src/lib/b/uses-route.ts → src/routes/api/+server.ts',
			'error lib-below-commands: src/lib/b/uses-command.ts → src/bin/start.js',
			'error every-import-resolves: src/lib/b/unresolved.ts → ./nowhere'
		])
			expect(report).toMatch(breach);
		// SvelteKit's modules are the framework's, not unresolved files.
		expect(report).not.toContain('$app/state');
	});

	it('passes where every rule holds: type-only imports and specs may point back down', { timeout: 120_000 }, async () => {
		const root = scratchProject({
			'src/lib/i18n/format.ts': "import words from '$locales/en/common.json';\nexport const format = (value: number) => `${words.count} ${value}`;",
			'locales/en/common.json': '{ "count": "Count" }',
			'src/lib/i18n/format.spec.ts': "import { facts } from '../event/facts';\nimport { format } from './format';\nexport const example = format(facts);",
			'src/lib/event/facts.ts': "import type { Entry } from '../calendar/entry';\nimport { format } from '../i18n/format';\nexport const facts = 1;\nexport const said = (entry: Entry) => format(entry.at);",
			'src/lib/calendar/entry.ts': "import { facts } from '../event/facts';\nexport interface Entry { at: number }\nexport const entry: Entry = { at: facts };",
			'src/routes/+page.server.ts': "import { entry } from '$lib/calendar/entry';\nimport { secret } from '$lib/server/secret';\nexport const load = () => ({ entry, secret });",
			'src/lib/server/secret.ts': "export const secret = 'key';"
		});
		const { code, report } = await checkLayersIn(root);
		expect(report).toContain('no cycle between the 4 layers of src/lib');
		expect(code).toBe(0);
	});
});
