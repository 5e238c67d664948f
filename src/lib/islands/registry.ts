import type { Component } from 'svelte';

type Load = () => Promise<{ default: Component<never> }>;

/**
 * Every component a page may mark as an island (Island.svelte), by the name it is marked with.
 * Each loads on demand: a page downloads only the code of the islands it has.
 */
export const islands = {
	AddToCalendar: () => import('$lib/components/AddToCalendar.svelte'),
	AfterEvent: () => import('$lib/livestream/AfterEvent.svelte'),
	AgendaNow: () => import('$lib/components/AgendaNow.svelte'),
	LiveJoin: () => import('$lib/livestream/LiveJoin.svelte'),
	LocalTime: () => import('$lib/components/LocalTime.svelte'),
	NowOnAir: () => import('$lib/components/NowOnAir.svelte'),
	OfflineStatus: () => import('$lib/components/OfflineStatus.svelte'),
	PhaseNow: () => import('$lib/components/PhaseNow.svelte'),
	PledgeCounter: () => import('$lib/components/PledgeCounter.svelte'),
	ShareLinks: () => import('$lib/components/ShareLinks.svelte'),
	WatchSummary: () => import('$lib/livestream/WatchSummary.svelte')
} satisfies Record<string, Load>;

export type IslandName = keyof typeof islands;

export function isIslandName(name: string | undefined): name is IslandName {
	return name !== undefined && Object.hasOwn(islands, name);
}
