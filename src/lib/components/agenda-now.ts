/**
 * Marks the segment on now in a server-rendered agenda (src/routes/[lang=lang]/Agenda.svelte): `aria-current="time"` on its
 * item and a visible "On now" label at its top; no segment (`undefined`) clears both. Only text is
 * written, never markup.
 */
export function markSegmentOnNow(agenda: HTMLElement, segmentId: string | undefined, label: string): void {
	for (const item of agenda.querySelectorAll<HTMLElement>('li[data-segment]')) {
		const isCurrent = item.dataset.segment === segmentId;
		const badge = item.querySelector(':scope > .segment-now');
		if (!isCurrent) {
			item.removeAttribute('aria-current');
			badge?.remove();
			continue;
		}
		item.setAttribute('aria-current', 'time');
		if (badge) continue;
		const line = document.createElement('p');
		line.className = 'segment-now';
		const text = line.appendChild(document.createElement('span'));
		text.className = 'badge';
		text.textContent = label;
		item.prepend(line);
	}
}
