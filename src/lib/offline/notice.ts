/**
 * Says so while the browser is offline: the page's `.offline-status` region (OfflineStatus.svelte)
 * gets a copy of its `#offline-notice` template, and is emptied when the connection returns.
 * Online until the browser says otherwise: the server-rendered page never claims to be offline.
 */
export function showWhenOffline(): void {
	const region = document.querySelector('.offline-status');
	const notice = document.querySelector<HTMLTemplateElement>('template#offline-notice');
	if (!region || !notice) return;
	const update = () => region.replaceChildren(...(navigator.onLine ? [] : [notice.content.cloneNode(true)]));
	update();
	window.addEventListener('online', update);
	window.addEventListener('offline', update);
}
