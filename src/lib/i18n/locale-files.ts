import type { Language } from './languages';

type Resource = Record<string, unknown>;
/** What `import.meta.glob('/locales/<lang>/<namespace>.json', { import: 'default' })` gives. */
export type LocaleFiles = Record<string, () => Promise<Resource>>;

/** "/locales/fr/event.json" → "event". */
export const namespaceOf = (path: string) => path.split('/')[3].replace(/\.json$/, '');

/** One language's namespaces from `files`, loaded (`include` picks which), by namespace. */
export async function loadNamespaces(files: LocaleFiles, lang: Language, include: (namespace: string) => boolean = () => true): Promise<Record<string, Resource>> {
	const entries = await Promise.all(
		Object.entries(files)
			.filter(([path]) => path.startsWith(`/locales/${lang}/`) && include(namespaceOf(path)))
			.map(async ([path, load]) => [namespaceOf(path), await load()] as const)
	);
	return Object.fromEntries(entries);
}
