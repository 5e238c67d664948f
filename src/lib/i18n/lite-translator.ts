import type { Language } from './languages';

/**
 * The browser's translator: the subset of i18next the site uses — `ns:key.path` look-ups,
 * `{{name}}` interpolation and `_one`/`_other` plurals on `count` — over the same resource files.
 * The server renders with i18next itself; this keeps its 15 KB (gzip) runtime out of every page's
 * JavaScript budget. A unit test checks that both give the same text for every key.
 */
export type Resources = Record<string, Record<string, unknown>>;
export type LiteOptions = Record<string, unknown> & { count?: number };

function lookUp(tree: unknown, path: string): unknown {
	let node = tree;
	for (const part of path.split('.')) {
		if (node === null || typeof node !== 'object') return undefined;
		node = (node as Record<string, unknown>)[part];
	}
	return node;
}

export function createLiteTranslator(lang: Language, resources: Resources, defaults: Record<string, string> = {}, defaultNamespace = 'common') {
	const plurals = new Intl.PluralRules(lang);
	return (key: string, options: LiteOptions = {}): string => {
		const separator = key.indexOf(':');
		const namespace = separator > 0 ? key.slice(0, separator) : defaultNamespace;
		const path = separator > 0 ? key.slice(separator + 1) : key;
		const tree = resources[namespace];
		let value: unknown;
		if (typeof options.count === 'number') value = lookUp(tree, `${path}_${plurals.select(options.count)}`) ?? lookUp(tree, `${path}_other`);
		value ??= lookUp(tree, path);
		if (typeof value !== 'string') return key;
		const variables: LiteOptions = { ...defaults, ...options };
		return value.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in variables ? String(variables[name]) : match));
	};
}
