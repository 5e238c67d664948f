// The only JavaScript of the public pages (they are rendered with csr = false): it mounts each
// island (Island.svelte) in place of its server-rendered copy, installs the offline cache and
// remembers the visitor's language choice. Without it the pages read the same.
import { mount, type Component } from 'svelte';
import { isLanguage, LANGUAGE_COOKIE } from '$lib/i18n/languages';
import { registerServiceWorker } from '$lib/offline/register';
import { parseProps } from './props';
import { islands } from './registry';
import { islandTranslator } from './words';

function rememberLanguageChoice(): void {
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a.language-switch[hreflang]')) {
		link.addEventListener('click', () => {
			document.cookie = `${LANGUAGE_COOKIE}=${link.hreflang}; path=/; max-age=31536000; samesite=lax`;
		});
	}
}

async function mountIslands(): Promise<void> {
	const lang = document.documentElement.lang;
	if (!isLanguage(lang)) return;
	// Outermost islands only: an island inside another is mounted with it.
	const places = [...document.querySelectorAll<HTMLElement>('[data-island]')].filter((place) => !place.parentElement?.closest('[data-island]'));
	if (places.length === 0) return;
	const t = await islandTranslator(lang);
	for (const place of places) {
		const component = islands[place.dataset.island as keyof typeof islands] as Component<Record<string, unknown>> | undefined;
		if (!component) continue;
		const props = { ...parseProps(place.dataset.props), t };
		place.replaceChildren();
		mount(component, { target: place, props });
	}
}

rememberLanguageChoice();
registerServiceWorker();
void mountIslands();
