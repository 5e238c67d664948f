import AddToCalendar from '$lib/components/AddToCalendar.svelte';
import LiveAgenda from '$lib/components/LiveAgenda.svelte';
import LocalTime from '$lib/components/LocalTime.svelte';
import NowOnAir from '$lib/components/NowOnAir.svelte';
import OfflineStatus from '$lib/components/OfflineStatus.svelte';
import PhaseNow from '$lib/components/PhaseNow.svelte';
import PledgeCounter from '$lib/components/PledgeCounter.svelte';
import ShareLinks from '$lib/components/ShareLinks.svelte';
import LiveJoin from '$lib/livestream/LiveJoin.svelte';

/** Every component a page may mark as an island (Island.svelte), by the name it is marked with. */
export const islands = { AddToCalendar, LiveAgenda, LiveJoin, LocalTime, NowOnAir, OfflineStatus, PhaseNow, PledgeCounter, ShareLinks };

export type IslandName = keyof typeof islands;
