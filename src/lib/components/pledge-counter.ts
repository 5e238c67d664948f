// The live counter in the browser, with no framework: PledgeCounter.svelte renders its markup (on the
// server, or in a Svelte island that includes it) and this module keeps that markup true to the
// stream. A page whose only island is the counter then loads no Svelte (src/lib/islands/plain.ts).
import { countryName, formatCount } from '$lib/i18n/format';
import type { Language } from '$lib/i18n/languages';
import type { Translate } from '$lib/i18n/words';
import type { Pledge } from '$lib/pledges/types';
import { followPledgeCount, type LiveCount, type LiveStatus } from '$lib/stream/live-count';
import './pledge-counter.css';

export interface CounterOptions {
	lang: Language;
	/** The counter's words (`stream:counter`). */
	t: Translate;
	/** The count the markup was rendered with; null when it shows none (a prerendered page). */
	initial?: LiveCount | null;
	/** How many of the newest pledges to list. */
	latestCount?: number;
	/** The level of the "newest pledges" heading. */
	headingLevel?: 2 | 3;
}

// Settled changes only: a burst of pledges makes one announcement, not one per pledge.
export const ANNOUNCE_AFTER_MS = 800;
// Browsers cap setTimeout near 24.8 days; waking at least hourly also recovers from a sleeping device.
const LONGEST_WAIT_MS = 60 * 60_000;

/** The words of the polite announcement; empty before any count is known. */
export const announcementOf = (count: number | null, lang: Language, t: Translate): string =>
	count === null ? '' : t('stream:counter.announcement', { count, formatted: formatCount(count, lang) });

/** The status line's words: once the event is over, a followed count is current, not "live". */
export const statusWords = (status: LiveStatus, isAfterEvent: boolean, t: Translate): string =>
	t(`stream:counter.status.${status === 'live' && isAfterEvent ? 'current' : status}`);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
	const made = document.createElement(tag);
	made.className = className;
	if (text !== undefined) made.textContent = text;
	return made;
}

function setText(target: Element, text: string): void {
	if (target.textContent !== text) target.textContent = text;
}

/** One newest pledge: its government, country and title are the public's text, so text nodes only. */
function pledgeItem(pledge: Pledge, lang: Language): HTMLLIElement {
	const item = element('li', '');
	item.dataset.id = pledge.id;
	item.append(element('span', 'government', pledge.government), ' ', element('span', 'country', `(${countryName(pledge.country, lang)})`), ' ', element('span', 'title', pledge.title));
	return item;
}

/**
 * The list in the given order, keeping the items already shown in place (only new ones animate in: an
 * item put back into the list would replay its arrival). Elements only: the server's render leaves
 * Svelte's comments around the items, which stay where they are.
 */
function showLatest(list: HTMLUListElement, pledges: readonly Pledge[], lang: Language): void {
	const shown = new Map([...list.querySelectorAll<HTMLLIElement>(':scope > li[data-id]')].map((item) => [item.dataset.id, item]));
	let next: Element | null = list.firstElementChild;
	for (const pledge of pledges) {
		const item = shown.get(pledge.id) ?? pledgeItem(pledge, lang);
		if (item === next) next = next.nextElementSibling;
		else list.insertBefore(item, next);
	}
	while (next) {
		const stale: Element = next;
		next = next.nextElementSibling;
		stale.remove();
	}
}

/**
 * Follows the live count and updates the counter's markup under `root` (the `.pledge-counter` element):
 * the number and its unit, the polite announcement once changes settle, the status line, the bump,
 * the newest pledges. Returns the function that stops it.
 */
export function keepCounterLive(root: HTMLElement, { lang, t, initial = null, latestCount = 3, headingLevel = 3 }: CounterOptions): () => void {
	const line = root.querySelector<HTMLElement>('.count-line')!;
	const region = line.querySelector<HTMLElement>('[aria-live]')!;
	let live = initial;
	let announced = initial?.count ?? null;
	let status: LiveStatus | undefined;
	let isAfterEvent = false;
	let announceTimer: ReturnType<typeof setTimeout> | undefined;
	let phaseTimer: ReturnType<typeof setTimeout> | undefined;

	const showStatus = () => {
		root.classList.toggle('is-after-event', isAfterEvent);
		if (!status) return;
		root.dataset.status = status;
		let badge = root.querySelector<HTMLElement>(':scope > .status');
		if (!badge) line.after((badge = element('p', 'status')));
		setText(badge, statusWords(status, isAfterEvent, t));
		// Prerendered pages cannot know the count: say it is coming until it does.
		const loading = line.querySelector('.muted');
		if (live) loading?.remove();
		else if (!loading) line.append(element('span', 'muted', t('stream:counter.loading')));
	};

	const showCount = (next: LiveCount, isBump: boolean) => {
		let number = line.querySelector<HTMLElement>('.number');
		const formatted = formatCount(next.count, lang);
		if (!number || isBump) {
			// A new element restarts the bump's animation.
			const fresh = element('span', isBump ? 'number is-bumped' : 'number', formatted);
			fresh.setAttribute('aria-hidden', 'true');
			if (number) number.replaceWith(fresh);
			else line.prepend(fresh);
			number = fresh;
		} else setText(number, formatted);
		let unit = line.querySelector<HTMLElement>('.unit');
		if (!unit) {
			unit = element('span', 'unit');
			unit.setAttribute('aria-hidden', 'true');
			number.after(unit);
		}
		setText(unit, t('stream:counter.unit', { count: next.count }));
		showNewest(next.latest.slice(0, latestCount));
	};

	const showNewest = (pledges: readonly Pledge[]) => {
		let list = root.querySelector<HTMLUListElement>(':scope > .latest');
		if (pledges.length === 0) {
			root.querySelector(':scope > .latest-heading')?.remove();
			list?.remove();
			return;
		}
		if (!list) {
			root.append(element(`h${headingLevel}`, 'latest-heading', t('stream:counter.latest')), (list = element('ul', 'latest')));
		}
		showLatest(list, pledges, lang);
	};

	const announce = (count: number) => {
		announced = count;
		setText(region, announcementOf(count, lang, t));
	};

	// The event's end (written by the component, so this module needs no event document) changes what the
	// status line says; the browser's clock decides, rechecked when a frozen tab comes back. Over at its end,
	// as isSettled (src/lib/event/phase.ts) says.
	const eventEnd = Date.parse(root.dataset.eventEnd ?? '');
	const checkPhase = () => {
		clearTimeout(phaseTimer);
		const now = Date.now();
		isAfterEvent = now >= eventEnd;
		if (!isAfterEvent && eventEnd > now) phaseTimer = setTimeout(checkPhase, Math.min(eventEnd - now, LONGEST_WAIT_MS));
		showStatus();
	};
	const onVisible = () => document.visibilityState === 'visible' && checkPhase();
	checkPhase();
	document.addEventListener('visibilitychange', onVisible);

	const stop = followPledgeCount(
		(next) => {
			const isBump = live !== null && next.count !== live.count;
			live = next;
			showCount(next, isBump);
			showStatus();
			clearTimeout(announceTimer);
			announceTimer = setTimeout(() => announce(next.count), announced === null ? 0 : ANNOUNCE_AFTER_MS);
		},
		(next) => {
			status = next;
			showStatus();
		}
	);
	return () => {
		clearTimeout(announceTimer);
		clearTimeout(phaseTimer);
		document.removeEventListener('visibilitychange', onVisible);
		stop();
	};
}
