/** The frame the snippet gives the counter, and the frames its page fits without scrolling (measured in tests/embed.test.ts). */
export const EMBED_COUNTER_FRAME = { width: 320, height: 180 } as const;
export const EMBED_COUNTER_FITS = { smallest: { width: 250, height: 150 }, largest: { width: 600, height: 300 } } as const;

/** The code a partner site pastes to show the live pledge count (the page is /{lang}/embed/counter). */
export function embedSnippet(origin: string, lang: string, title: string): string {
	const escaped = title.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
	const { width, height } = EMBED_COUNTER_FRAME;
	return `<iframe src="${origin}/${lang}/embed/counter" title="${escaped}" width="${width}" height="${height}" style="border:0" loading="lazy"></iframe>`;
}
