/**
 * Markup made once per owner and key, then reused: the list's map and its table are the same for every page of
 * one ledger version and language (and country outlined), so they are rendered once, not once per request. The
 * owner is the value they are made from (the map of `listSummary`, one per version and language): when a newer
 * version replaces it, its markup goes with it. The caller bounds the keys (e.g. a country code or none).
 */
const kept = new WeakMap<object, Map<string, string>>();

export function keptMarkup(owner: object, key: string, make: () => string): string {
	let markups = kept.get(owner);
	if (!markups) kept.set(owner, (markups = new Map()));
	let markup = markups.get(key);
	if (markup === undefined) markups.set(key, (markup = make()));
	return markup;
}

/**
 * Where a page asks for its kept markup (given as `{@html}`): the hooks put the markup the load kept
 * (`locals.keptMarkup`) in its place once the page is rendered, so that the markup is not in the load's data,
 * which SvelteKit serializes on every render although these pages ship no client-side router. No value of the
 * page can spell it: Svelte escapes `<` in every text and attribute.
 */
export const KEPT_MARKUP_SLOT = '<!--kept-markup-->';

/** The rendered page with the kept markup in its slot (the first; a page has one), or as it is without either. */
export function insertKeptMarkup(html: string, markup: string | undefined): string {
	const at = markup === undefined ? -1 : html.indexOf(KEPT_MARKUP_SLOT);
	return at < 0 ? html : html.slice(0, at) + markup + html.slice(at + KEPT_MARKUP_SLOT.length);
}
