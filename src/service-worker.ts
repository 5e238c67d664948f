/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Keeps the event readable in a basement room with no signal: both languages' pages, their assets,
// calendar files, manifest and images are cached once per deploy. Pages are fetched network-first,
// so a new deploy is never hidden behind this cache; live data (/api/) is never cached.
import { build, files, prerendered, version } from '$service-worker';
import { cacheName, isCacheable, isPrecached, languageHome } from './lib/offline/cache-policy';

const worker = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);

const precached = [...build, ...files, ...prerendered].filter(isPrecached);
// Build output and static files never change within a version: served from the cache first.
const immutable = new Set([...build, ...files].filter(isPrecached));
const cachedPages = new Set(prerendered.filter(isPrecached));

worker.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(precached))
			.then(() => worker.skipWaiting())
	);
});

// The page that installed the worker loaded before it: keep a copy of it too (a server-rendered
// page such as the pledge list is in no precache list).
async function cacheOpenPages(): Promise<void> {
	const cache = await caches.open(CACHE);
	const windows = await worker.clients.matchAll({ type: 'window' });
	const paths = windows.map((client) => new URL(client.url)).filter((url) => url.origin === worker.location.origin && isCacheable(url.pathname));
	await Promise.all(paths.map((url) => cache.add(url.pathname).catch(() => undefined)));
}

worker.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => worker.clients.claim())
			.then(cacheOpenPages)
	);
});

// Lets a page (and the tests) ask which deploy is serving it.
worker.addEventListener('message', (event) => {
	if (event.data === 'version') event.ports[0]?.postMessage(version);
});

async function fromNetworkElseCache(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(CACHE);
	try {
		const response = await fetch(request);
		// Pages visited (live and pledge pages too) stay readable offline as last seen.
		if (response.ok && response.type === 'basic') await cache.put(url.pathname, response.clone());
		return response;
	} catch (error) {
		const cached = await cache.match(url.pathname);
		if (cached) return cached;
		// An address never visited, offline: the event page in the address's language instead.
		if (request.mode === 'navigate') {
			const home = await cache.match(languageHome(url.pathname));
			if (home) return Response.redirect(languageHome(url.pathname), 302);
		}
		throw error;
	}
}

async function fromCacheElseNetwork(request: Request, url: URL): Promise<Response> {
	const cached = await caches.match(url.pathname, { cacheName: CACHE });
	return cached ?? fetch(request);
}

worker.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== worker.location.origin || !isCacheable(url.pathname)) return;
	if (immutable.has(url.pathname)) event.respondWith(fromCacheElseNetwork(request, url));
	else if (request.mode === 'navigate' || cachedPages.has(url.pathname)) {
		event.respondWith(fromNetworkElseCache(request, url));
	}
});
