import type { Coding } from '$lib/server/http/content-coding';

/**
 * Rendered answers (pages, images) kept by the ledger's version they show, at most `maxEntries` and
 * `maxBytes`, the least recently served going first. An answer is reused only for a request that read
 * the same version from the store: it was rendered after that version was read, so it is never older.
 */
export interface RenderedPage {
	/** The bytes as rendered, sent to a client that takes none of `encoded`. */
	body: Uint8Array;
	headers: [string, string][];
	/** The same bytes compressed once (a text answer): what most clients are sent, unchanged from one request to the next. */
	encoded: Partial<Record<Coding, Uint8Array>>;
}

export interface RenderedPages {
	get(version: number, key: string): RenderedPage | undefined;
	set(version: number, key: string, page: RenderedPage): void;
	/** Forgets every page (the ledger changed: they would never be served again). */
	clear(): void;
	readonly size: number;
}

export function renderedPages({ maxEntries, maxBytes }: { maxEntries: number; maxBytes: number }): RenderedPages {
	const pages = new Map<string, RenderedPage>();
	let bytes = 0;
	// Every copy counts: the plain bytes and each compressed one.
	const sizeOf = (page: RenderedPage) => Object.values(page.encoded).reduce((total, copy) => total + copy.byteLength, page.body.byteLength);
	const remove = (id: string) => {
		const page = pages.get(id);
		if (!page) return;
		pages.delete(id);
		bytes -= sizeOf(page);
	};
	return {
		get(version, key) {
			const id = `${version}\n${key}`;
			const page = pages.get(id);
			if (page) {
				// Most recently served last: the first in the map goes first.
				pages.delete(id);
				pages.set(id, page);
			}
			return page;
		},
		set(version, key, page) {
			const id = `${version}\n${key}`;
			remove(id);
			if (sizeOf(page) > maxBytes) return;
			pages.set(id, page);
			bytes += sizeOf(page);
			for (const oldest of pages.keys()) {
				if (pages.size <= maxEntries && bytes <= maxBytes) break;
				remove(oldest);
			}
		},
		clear() {
			pages.clear();
			bytes = 0;
		},
		get size() {
			return pages.size;
		}
	};
}
