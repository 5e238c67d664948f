// The only JavaScript of the public pages (they are rendered with csr = false): it mounts each
// island (Island.svelte) in place of its server-rendered copy, installs the offline cache and
// remembers the visitor's language choice. Without it the pages read the same.
import { flushSync, mount, type Component } from 'svelte';
import { isLanguage, LANGUAGE_COOKIE } from '$lib/i18n/languages';
import { registerServiceWorker } from '$lib/offline/register';
import { parseProps } from './props';
import { isIslandName, islands, type IslandName } from './registry';
import { islandTranslator } from './words';

function rememberLanguageChoice(): void {
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a.language-switch[hreflang]')) {
		link.addEventListener('click', () => {
			document.cookie = `${LANGUAGE_COOKIE}=${link.hreflang}; path=/; max-age=31536000; samesite=lax`;
		});
	}
}

const FOCUSABLE = 'a[href], button, summary, input, select, textarea';

/**
 * What a visitor already did in an island's server copy (opened a disclosure, moved focus) before
 * its code arrived: returns how to apply it to the mounted component, which renders the same markup.
 */
function keepVisitorState(place: HTMLElement): () => void {
	const open = [...place.querySelectorAll('details')].map((details) => details.open);
	const focused = [...place.querySelectorAll(FOCUSABLE)].indexOf(document.activeElement as Element);
	return () => {
		place.querySelectorAll('details').forEach((details, index) => {
			if (open[index]) details.open = true;
		});
		if (focused >= 0) place.querySelectorAll<HTMLElement>(FOCUSABLE)[focused]?.focus();
	};
}

async function mountIslands(): Promise<void> {
	const lang = document.documentElement.lang;
	if (!isLanguage(lang)) return;
	// Outermost islands only: an island inside another is mounted with it.
	const places = [...document.querySelectorAll<HTMLElement>('[data-island]')].filter((place) => !place.parentElement?.closest('[data-island]'));
	const names = new Set(places.map((place) => place.dataset.island).filter(isIslandName));
	if (names.size === 0) return;
	const [t, components] = await Promise.all([
		islandTranslator(lang),
		Promise.all([...names].map(async (name) => [name, (await islands[name]()).default as Component<Record<string, unknown>>] as const)).then((entries) => new Map(entries))
	]);
	for (const place of places) {
		const component = components.get(place.dataset.island as IslandName);
		if (!component) continue;
		const props = { ...parseProps(place.dataset.props), t };
		const restore = keepVisitorState(place);
		place.replaceChildren();
		mount(component, { target: place, props });
		// One island per task, its effects included: a slow phone stays responsive while the page comes alive.
		flushSync();
		restore();
		await new Promise((resolve) => setTimeout(resolve, 0));
	}
}

rememberLanguageChoice();
void mountIslands();
// The offline cache downloads both languages' pages: not while this one is still loading.
if (document.readyState === 'complete') registerServiceWorker();
else window.addEventListener('load', registerServiceWorker, { once: true });
