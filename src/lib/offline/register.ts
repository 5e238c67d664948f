import { dev } from '$app/environment';

/** Installs the offline cache (src/service-worker.ts); not in development, where it would serve stale modules. */
export function registerServiceWorker(): void {
	if (dev || !('serviceWorker' in navigator)) return;
	navigator.serviceWorker.register('/service-worker.js').catch(() => {
		// Without a service worker the site works as before, online only.
	});
}
