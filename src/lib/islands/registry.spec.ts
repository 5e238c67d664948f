import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '$lib/i18n/languages';
import { translatorFor } from '$lib/event/translator';
import { NAMESPACES } from '$lib/i18n/translator';
import { DEFAULT_NAMESPACE } from '$lib/i18n/words';
import { islands, islandWords, type IslandName } from './registry';
import { islandsRegisteredIn } from './vite-plugin.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const REGISTRY = resolve(import.meta.dirname, 'registry.ts');

function resolveImport(from: string, specifier: string): string | undefined {
	const base = specifier.startsWith('$lib/') ? resolve(ROOT, 'src/lib', specifier.slice(5)) : specifier.startsWith('.') ? resolve(dirname(from), specifier) : undefined;
	return base === undefined ? undefined : [base, `${base}.ts`, `${base}.js`].find((path) => existsSync(path) && statSync(path).isFile());
}

/** A module and every module of the site it imports, statically or not (types included: they speak too). */
function moduleGraph(start: string): string[] {
	const seen = new Set([start]);
	for (const file of seen) {
		for (const [, specifier] of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
			const path = resolveImport(file, specifier);
			if (path && !path.endsWith('.json')) seen.add(path);
		}
	}
	return [...seen];
}

/** The keys a module names (`ns:key`, or the start of one built at run time, marked with `*`). */
function keysNamedIn(file: string): string[] {
	const source = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
	const keyed = new RegExp(`['"\`]((?:${NAMESPACES.join('|')}):[\\w.]+?)(\\$\\{|['"\`])`, 'g');
	return [
		...[...source.matchAll(keyed)].map(([, key, end]) => (end === '${' ? `${key}*` : key)),
		// Keys of the default namespace, called without one.
		...[...source.matchAll(/\bt\(\s*['"]([\w.]+)['"]/g)].map(([, key]) => `${DEFAULT_NAMESPACE}:${key}`)
	];
}

const covers = (prefix: string, key: string) => {
	const open = key.endsWith('*');
	const name = open ? key.slice(0, -1).replace(/\.$/, '') : key;
	return name === prefix || name.startsWith(`${prefix}.`) || (open && prefix.startsWith(`${name}.`));
};

const modulesOfIslands = islandsRegisteredIn(readFileSync(REGISTRY, 'utf8')).map((specifier) => resolveImport(REGISTRY, specifier));

describe('the islands’ registry', () => {
	it('loads a module for every island, in the order it names them', () => {
		expect(modulesOfIslands).toHaveLength(Object.keys(islands).length);
		expect(modulesOfIslands.every((path) => path !== undefined)).toBe(true);
		expect(modulesOfIslands.map((path) => path!.split('/').pop()!.replace(/\.svelte$/, ''))).toEqual(Object.keys(islands));
	});

	for (const [index, name] of (Object.keys(islands) as IslandName[]).entries()) {
		it(`${name}: its words hold every key it and its modules speak`, () => {
			const named = moduleGraph(modulesOfIslands[index]!).flatMap(keysNamedIn);
			expect(named.length).toBeGreaterThan(0);
			expect(named.filter((key) => !islandWords(name).some((prefix) => covers(prefix, key)))).toEqual([]);
		});
	}

	for (const lang of LANGUAGES) {
		it(`every prefix of every island’s words has words in ${lang}`, async () => {
			const t = await translatorFor(lang);
			for (const name of Object.keys(islands) as IslandName[]) {
				for (const prefix of islandWords(name)) expect(Object.keys(t.words([prefix])).length, `${name} ${prefix}`).toBeGreaterThan(0);
			}
		});
	}
});
