import type { PledgeChangeListener, PledgeChanges } from './types.ts';

/** Fans a committed change out to listeners (the live stream); one failing listener does not stop the rest. */
export function createChanges(): PledgeChanges & { notify(): void } {
	const listeners = new Set<PledgeChangeListener>();
	return {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
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
