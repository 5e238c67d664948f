/** Installs the offline cache (src/service-worker.ts); not in development, where it would serve stale modules. */
export function registerServiceWorker(): void {
	// Vite's own flag: SvelteKit's $app/environment needs globals that pages without its client app never define.
	if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.register('/service-worker.js').catch(() => {
		// Without a service worker the site works as before, online only.
	});
}
