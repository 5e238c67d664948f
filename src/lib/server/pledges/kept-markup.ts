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
