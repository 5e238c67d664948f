import { tick } from 'svelte';

/**
 * Runs an update that may draw an island's elements anew or move them (a keyed list re-sorted by what the
 * stream sends): the control inside the island that had the focus, known by its id, has it again after, so
 * that a keyboard or screen-reader user on a vote button is not thrown back to the top of the page.
 */
export async function keepingFocus(update: () => void): Promise<void> {
	const active = document.activeElement;
	const focused = active instanceof HTMLElement && active.id && active.closest('[data-island]') ? active.id : '';
	update();
	if (!focused) return;
	await tick();
	if (document.activeElement?.id !== focused) document.getElementById(focused)?.focus({ preventScroll: true });
}
