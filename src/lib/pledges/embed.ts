/** The code a partner site pastes to show the live pledge count (the page is /{lang}/embed/counter). */
export function embedSnippet(origin: string, lang: string, title: string): string {
	const escaped = title.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
	return `<iframe src="${origin}/${lang}/embed/counter" title="${escaped}" width="320" height="180" style="border:0" loading="lazy"></iframe>`;
}
