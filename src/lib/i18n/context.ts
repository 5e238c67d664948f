import { getContext, setContext } from 'svelte';
import type { Translator } from './translator';
import type { Translate } from './words';

// Components speak through the translator of the page they are in, set once at its top: by the
// page's layout (the page's i18next translator) or, for an island, by its root (Island.svelte on the
// server, hydrate.ts in the browser), with the island's words alone. No component passes it on.
// The context holds a getter, so that the component reads the translator of the current render.
const TRANSLATE = Symbol('translate');

type Current = () => Translate;

/** Makes what `current` gives the translator every component below this one speaks with. */
export function setTranslate(current: Current): void {
	setContext(TRANSLATE, current);
}

function currentTranslate(): Current {
	const current = getContext<Current | undefined>(TRANSLATE);
	if (!current) throw new Error('No translator above this component: its layout (or page) calls setTranslate (src/lib/i18n/context.ts)');
	return current;
}

/** What this component speaks with: the page's translator, or its island's words. */
export function getTranslate(): Translate {
	const current = currentTranslate();
	return (key, options) => current()(key, options);
}

/** The page's whole translator, for what only the server's render may do (an island's words: Island.svelte). */
export function getPageTranslator(): () => Translator {
	const current = currentTranslate();
	return () => {
		const t = current();
		if (!('words' in t)) throw new Error('Inside an island, a component speaks with the island’s words only (src/lib/islands/registry.ts)');
		return t as Translator;
	};
}

/** The context for a component rendered or hydrated on its own (hydrate's and render's `context` option). */
export const translateContext = (t: Translate): Map<symbol, Current> => new Map([[TRANSLATE, () => t]]);
