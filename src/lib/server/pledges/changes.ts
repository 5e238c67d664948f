import type { PledgeChangeListener, PledgeChanges } from './types.ts';

/**
 * Fans a committed change out to listeners (the live stream); one failing listener does not stop the rest.
 * `whileListened` runs when the first listener arrives (an engine's watch for other processes' changes)
 * and returns what stops it when the last one leaves.
 */
export function createChanges(whileListened?: () => () => void): PledgeChanges & { notify(): void } {
	const listeners = new Set<PledgeChangeListener>();
	let stopWatching: (() => void) | undefined;
	return {
		subscribe(listener) {
			listeners.add(listener);
			if (listeners.size === 1 && whileListened) stopWatching = whileListened();
			return () => {
				if (listeners.delete(listener) && listeners.size === 0) {
					stopWatching?.();
					stopWatching = undefined;
				}
			};
		},
		notify() {
			for (const listener of [...listeners]) {
				try {
					listener();
				} catch (error) {
					console.error('pledge change listener failed', error);
				}
			}
		}
	};
}
