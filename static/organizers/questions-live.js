// @ts-check
// The moderation view, live: on each `changed` event of the organizers' stream, the page is fetched
// again and its lists replace the shown ones (server-rendered HTML of this same page, text escaped
// there). Focus stays on the control that had it when that control is still there.
const lists = document.getElementById('moderation-lists');
const streamUrl = lists?.dataset.stream;
if (lists && streamUrl) {
	const note = document.querySelector('[data-live-note]');
	if (note instanceof HTMLElement) note.hidden = false;
	let isFetching = false;
	let isStale = false;
	const refresh = async () => {
		if (isFetching) {
			isStale = true;
			return;
		}
		isFetching = true;
		try {
			const response = await fetch(location.pathname, { headers: { accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' });
			if (!response.ok) return;
			const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById('moderation-lists');
			const current = document.getElementById('moderation-lists');
			if (!fresh || !current) return;
			const focusedId = document.activeElement && current.contains(document.activeElement) ? document.activeElement.id : '';
			current.replaceChildren(...[...fresh.childNodes].map((node) => document.importNode(node, true)));
			if (focusedId) document.getElementById(focusedId)?.focus();
			current.dataset.refreshed = String(Number(current.dataset.refreshed ?? 0) + 1);
		} catch {
			// Offline for a moment: the next change tries again.
		} finally {
			isFetching = false;
			if (isStale) {
				isStale = false;
				void refresh();
			}
		}
	};
	const source = new EventSource(streamUrl);
	source.addEventListener('changed', () => void refresh());
	// After a dropped connection, changes may have been missed.
	source.addEventListener('open', () => void refresh());
}
