import { builtAt } from './built-at';
import { event } from './event';
import { isSettled, nextChangeAt, phaseAt, type Phase } from './phase';
import type { EventFacts } from './types';

type Schedule = Pick<EventFacts, 'start' | 'end' | 'segments'>;

// Browsers cap setTimeout near 24.8 days; waking at least hourly also recovers from a sleeping device.
const LONGEST_WAIT_MS = 60 * 60_000;

/**
 * The phase of the event, kept true by the browser's clock. It wakes only when what the page
 * shows changes (the countdown's minute, a segment, the end), never every second.
 *
 * Before it is mounted it holds the phase at `renderedAt` only if that one can no longer change
 * (the event was over when the page was prerendered), else none: the server and the first browser
 * render agree, and a prerendered page never claims a phase that may have become wrong.
 */
export class PhaseClock {
	readonly #event: Schedule;
	#now = $state<Date | undefined>();

	constructor(event: Schedule, renderedAt?: Date) {
		this.#event = event;
		if (renderedAt && isSettled(event, renderedAt)) this.#now = renderedAt;
		$effect(() => {
			let timer: ReturnType<typeof setTimeout> | undefined;
			const tick = () => {
				clearTimeout(timer);
				const now = new Date();
				this.#now = now;
				const next = nextChangeAt(this.#event, now);
				if (next) timer = setTimeout(tick, Math.min(next.getTime() - now.getTime(), LONGEST_WAIT_MS));
			};
			// Phones freeze timers in background tabs: look again when the page comes back.
			const onVisible = () => document.visibilityState === 'visible' && tick();
			tick();
			document.addEventListener('visibilitychange', onVisible);
			return () => {
				clearTimeout(timer);
				document.removeEventListener('visibilitychange', onVisible);
			};
		});
	}

	get phase(): Phase | undefined {
		return this.#now && phaseAt(this.#event, this.#now);
	}
}

let shared: PhaseClock | undefined;

/**
 * The page's one phase clock: every island of a page reads it, so they change together on one
 * timer. In the browser it lives as long as the page (no client-side navigation: csr = false);
 * on the server each render gets its own, which never ticks.
 */
export function pagePhaseClock(): PhaseClock {
	if (typeof document === 'undefined') return new PhaseClock(event, builtAt);
	if (!shared) $effect.root(() => void (shared = new PhaseClock(event, builtAt)));
	return shared as PhaseClock;
}
