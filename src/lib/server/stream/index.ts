import { openedSite } from '$lib/server/site';

/** Open streams right now (0 before the first), without opening the store. */
export function openStreamCount(): number {
	return openedSite()?.hub.size ?? 0;
}
