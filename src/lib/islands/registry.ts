import type { Component } from 'svelte';
import { knowIslands } from './names';

/**
 * Every component a page may mark as an island (Island.svelte), with the words it speaks: i18next
 * key prefixes ("stream:counter" gives every key under it), translated when the page is rendered
 * and sent with the island, so the browser needs no translator of its own. The component is the
 * key: a page passes the component itself and its name in the markup is found here. The islands'
 * Vite plugin (vite-plugin.js) stops the build when a page marks a component missing here, and
 * registry.spec.ts checks that `words` covers every key the component and its modules use.
 *
 * Each island is loaded on its own, and only where a page has one: see vite-plugin.js.
 */
// An island speaks with its words alone (getTranslate in src/lib/i18n/context.ts): the server's
// translator is out of its reach, in the browser as on the server (Island.svelte).
function island<C extends Component<any, any>>(load: () => Promise<{ default: C }>, words: readonly string[]) {
	return { load, words };
}

export const islands = {
	AddToCalendar: island(() => import('$lib/components/AddToCalendar.svelte'), ['calendar:menu']),
	AfterEvent: island(() => import('$lib/livestream/AfterEvent.svelte'), ['event:follow.hashtagLabel', 'live:after']),
	AgendaNow: island(() => import('$lib/components/AgendaNow.svelte'), ['live:agenda.onNow']),
	BroadcastOverlay: island(() => import('$lib/components/broadcast/BroadcastOverlay.svelte'), [
		'broadcast:overlay',
		'event:agenda',
		'event:organizations',
		'event:speakers',
		'questions:screen.heading',
		'stream:counter'
	]),
	CaptionsPanel: island(() => import('$lib/components/captions/CaptionsPanel.svelte'), ['captions:panel']),
	CaptionsTranscript: island(() => import('$lib/components/captions/CaptionsTranscript.svelte'), ['captions:page']),
	LiveJoin: island(() => import('$lib/livestream/LiveJoin.svelte'), ['live:captions', 'live:channel', 'live:join', 'live:recording']),
	LocalTime: island(() => import('$lib/components/LocalTime.svelte'), ['common:time']),
	ModerationQueue: island(() => import('$lib/components/questions/ModerationQueue.svelte'), ['organizers:questions', 'questions:list']),
	NowOnAir: island(() => import('$lib/components/NowOnAir.svelte'), ['event:agenda', 'stream:screen']),
	PhaseNow: island(() => import('$lib/components/PhaseNow.svelte'), [
		'event:agenda',
		'live:countdown',
		'live:endsAt',
		'live:next',
		'live:reminder',
		'live:status'
	]),
	// Rendered by Svelte, driven in the browser by a plain module (./plain.ts): no Svelte comes for it.
	PledgeCounter: island(() => import('$lib/components/PledgeCounter.svelte'), ['stream:counter']),
	QuestionOnScreen: island(() => import('$lib/components/questions/QuestionOnScreen.svelte'), ['questions:screen.heading']),
	QuestionsPanel: island(() => import('$lib/components/questions/QuestionsPanel.svelte'), [
		'questions:askAnother',
		'questions:askLink',
		'questions:awaiting',
		'questions:closed',
		'questions:errors',
		'questions:form',
		'questions:list',
		'questions:loading'
	]),
	ShareLinks: island(() => import('$lib/components/ShareLinks.svelte'), ['event:fullTitle', 'share:heading', 'share:native', 'share:services', 'share:text']),
	WatchSummary: island(() => import('$lib/livestream/WatchSummary.svelte'), ['event:livestream', 'live:channel', 'live:recording.link', 'live:nav'])
};

export type IslandName = keyof typeof islands;
export type IslandComponent = Awaited<ReturnType<(typeof islands)[IslandName]['load']>>['default'];

const isIslandName = (name: string | undefined): name is IslandName => name !== undefined && Object.hasOwn(islands, name);

let loading: Promise<void> | undefined;

/**
 * Loads every island's module once, so the server can name the component a page passes
 * (names.ts; src/hooks.server.ts awaits it before any page renders).
 */
export function loadIslandNames(): Promise<void> {
	loading ??= Promise.all(
		Object.entries(islands).map(async ([name, { load, words }]) => [(await load()).default, { name: name as IslandName, words }] as const)
	).then(knowIslands);
	return loading;
}

/** The words an island speaks (key prefixes). */
export const islandWords = (name: IslandName): readonly string[] => islands[name].words;

/** Loads the component an island's markup names, if it is one. */
export async function loadIsland(name: string | undefined): Promise<Component<Record<string, unknown>> | undefined> {
	if (!isIslandName(name)) return undefined;
	const { default: component } = await islands[name].load();
	return component as Component<Record<string, unknown>>;
}
