import type { Words } from '$lib/i18n/words';

/** An island's props as text for a `data-props` attribute, dates included (`{"$date": "…"}`). */
export function serializeProps(props: object): string {
	return JSON.stringify(props, function (this: Record<string, unknown>, key, value) {
		const original = this[key];
		return original instanceof Date ? { $date: original.toISOString() } : value;
	});
}

/** The props back from `serializeProps`, dates as Date objects. */
export function parseProps(text: string | undefined): Record<string, unknown> {
	if (!text) return {};
	return JSON.parse(text, (_key, value) =>
		value && typeof value === 'object' && !Array.isArray(value) && typeof value.$date === 'string' && Object.keys(value).length === 1 ? new Date(value.$date) : value
	);
}

/** The words the page sent with an island (`data-words`, Island.svelte). */
export function wordsOf(place: HTMLElement): Words {
	const words: unknown = JSON.parse(place.dataset.words ?? '{}');
	return words !== null && typeof words === 'object' ? Object.fromEntries(Object.entries(words).filter((entry): entry is [string, string] => typeof entry[1] === 'string')) : {};
}
