// The islands' code, loaded by src/lib/islands/main.ts after the first paint: it hydrates each island
// (Island.svelte) where the server rendered it, so the markup, an opened menu and the focus stay as
// the visitor left them. Each island's component arrives in its own chunk, only on the pages that
// have it; its words came with the page.
import { flushSync, hydrate, type Component } from 'svelte';
import { translateContext } from '$lib/i18n/context';
import type { Language } from '$lib/i18n/languages';
import { speak } from '$lib/i18n/words';
import { isDeferred, outermostIslands, whenNeeded } from './place';
import { isPlainIsland } from './plain';
import { parseProps, wordsOf } from './props';
import { loadIsland } from './registry';
import { yieldToBrowser } from './schedule';
import { warmUpIntl } from './warm-intl';

const FOCUSABLE = 'a[href], button, summary, input, select, textarea';

/**
 * What a visitor already did in an island's server copy (opened a disclosure, moved focus) before
 * its code arrived: returns how to apply it again if hydrating fails and Svelte renders the island
 * afresh (or a component resets it).
 */
function keepVisitorState(place: HTMLElement): () => void {
	const open = [...place.querySelectorAll('details')].map((details) => details.open);
	const active = document.activeElement instanceof HTMLElement && place.contains(document.activeElement) ? document.activeElement : undefined;
	const focused = active ? [...place.querySelectorAll(FOCUSABLE)].indexOf(active) : -1;
	return () => {
		place.querySelectorAll('details').forEach((details, index) => {
			if (open[index]) details.open = true;
		});
		if (!active || place.contains(document.activeElement)) return;
		// The same element where hydrating kept it (a list re-ordered by what only the browser knows moves it, and
		// moving it takes its focus); by its place where the island was rendered afresh.
		if (place.contains(active)) active.focus();
		else place.querySelectorAll<HTMLElement>(FOCUSABLE)[focused]?.focus();
	};
}

function hydrateIsland(place: HTMLElement, component: Component<Record<string, unknown>> | undefined, lang: Language): void {
	if (!component) return;
	const restore = keepVisitorState(place);
	// The island's root sets what it speaks with, as Island.svelte did on the server.
	hydrate(component, { target: place, props: parseProps(place.dataset.props), context: translateContext(speak(lang, wordsOf(place))) });
	// One island per task, its effects included.
	flushSync();
	restore();
	place.dataset.hydrated = '';
}

export async function hydrateIslands(lang: Language): Promise<void> {
	// Evaluating this module (Svelte included) was a task of its own: start in the next one.
	await yieldToBrowser();
	// Outermost islands only: an island inside another is hydrated with it. Plain islands need no Svelte (./plain.ts).
	const places = outermostIslands().filter((place) => !isPlainIsland(place));
	if (places.length === 0) return;
	const now = places.filter((place) => !isDeferred(place));
	// Every chunk of the islands wanted now at once, while the locale data warms up; the others' only once they are needed.
	const components = now.map((place) => loadIsland(place.dataset.island));
	await warmUpIntl(lang);
	for (const [index, place] of now.entries()) {
		hydrateIsland(place, await components[index], lang);
		await yieldToBrowser();
	}
	for (const place of places.filter(isDeferred)) {
		void whenNeeded(place)
			.then(() => loadIsland(place.dataset.island))
			.then((component) => hydrateIsland(place, component, lang));
	}
}
