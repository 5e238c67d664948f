import type { Component } from 'svelte';
import AddToCalendar from '$lib/components/AddToCalendar.svelte';
import AgendaNow from '$lib/components/AgendaNow.svelte';
import LocalTime from '$lib/components/LocalTime.svelte';
import NowOnAir from '$lib/components/NowOnAir.svelte';
import OfflineStatus from '$lib/components/OfflineStatus.svelte';
import PhaseNow from '$lib/components/PhaseNow.svelte';
import PledgeCounter from '$lib/components/PledgeCounter.svelte';
import ShareLinks from '$lib/components/ShareLinks.svelte';
import AfterEvent from '$lib/livestream/AfterEvent.svelte';
import LiveJoin from '$lib/livestream/LiveJoin.svelte';
import WatchSummary from '$lib/livestream/WatchSummary.svelte';

/**
 * Every component a page may mark as an island (Island.svelte). The component is the key: a page
 * passes the component itself, its name in the markup is found here, so nothing names an island a
 * second time. A component missing here is a type error in the page and fails the prerendering build.
 * (They all land in one chunk, loaded after the first paint: see vite-plugin.js.)
 */
export const islands = { AddToCalendar, AfterEvent, AgendaNow, LiveJoin, LocalTime, NowOnAir, OfflineStatus, PhaseNow, PledgeCounter, ShareLinks, WatchSummary };

export type IslandName = keyof typeof islands;
export type IslandComponent = (typeof islands)[IslandName];

const names = new Map<unknown, IslandName>(Object.entries(islands).map(([name, component]) => [component, name as IslandName]));

/** The name an island is marked with in the markup; throws for a component not registered above. */
export function islandName(component: unknown): IslandName {
	const name = names.get(component);
	if (!name) throw new Error('Island.svelte: this component is not in src/lib/islands/registry.ts');
	return name;
}

/** The component an island's markup names, if it is one. */
export function islandComponent(name: string | undefined): Component<Record<string, unknown>> | undefined {
	return name !== undefined && Object.hasOwn(islands, name) ? (islands[name as IslandName] as unknown as Component<Record<string, unknown>>) : undefined;
}
