// The only script of the public pages (they are rendered with csr = false), kept small: it remembers
// the visitor's language choice, says when the browser is offline, installs the offline cache once the
// page has loaded and, after the first paint, fetches the islands' code (./plain.ts, ./hydrate.ts), so on a weak
// connection Svelte and the components never compete with the page's own first render. Without it the
// pages read the same.
import { isLanguage, LANGUAGE_COOKIE } from '$lib/i18n/languages';
import { showWhenOffline } from '$lib/offline/notice';
import { registerServiceWorker } from '$lib/offline/register';
import { outermostIslands } from './place';
import { isPlainIsland, startPlainIslands } from './plain';
import { afterFirstPaint } from './schedule';

function rememberLanguageChoice(): void {
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a.language-switch[hreflang]')) {
		link.addEventListener('click', () => {
			document.cookie = `${LANGUAGE_COOKIE}=${link.hreflang}; path=/; max-age=31536000; samesite=lax`;
		});
	}
}

rememberLanguageChoice();
showWhenOffline();
const lang = document.documentElement.lang;
const islands = outermostIslands();
if (isLanguage(lang) && islands.length > 0) {
	const painted = afterFirstPaint();
	// The live counter and its like are driven by small plain modules; Svelte only comes for the other islands.
	void painted.then(() => startPlainIslands(islands, lang));
	if (!islands.every(isPlainIsland)) {
		void painted.then(() => import('./hydrate')).then(({ hydrateIslands }) => hydrateIslands(lang));
	}
}
// The offline cache downloads both languages' pages: not while this one is still loading.
if (document.readyState === 'complete') registerServiceWorker();
else window.addEventListener('load', registerServiceWorker, { once: true });
