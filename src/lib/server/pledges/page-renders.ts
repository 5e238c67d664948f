import { env } from '$env/dynamic/private';
import { renderGate, type RenderGate } from '$lib/server/http/render-gate';

/** A whole number setting within its bounds, else its default. */
function countSetting(name: string, fallback: number, min: number, max: number): number {
	const value = Number(env[name]);
	return env[name]?.trim() && Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

let gate: RenderGate | undefined;

/**
 * The process's bound on renderings of the pages kept per ledger version (the list, a pledge's pages, the
 * cards) that no kept copy answers: PAGE_RENDERS_AT_ONCE run, PAGE_RENDERS_WAITING wait their turn up to
 * three seconds, any more is answered 503. Read at first use, when the settings are known.
 */
export function pageRenders(): RenderGate {
	gate ??= renderGate({ atOnce: countSetting('PAGE_RENDERS_AT_ONCE', 1, 1, 64), waiting: countSetting('PAGE_RENDERS_WAITING', 16, 0, 1000), maxWaitMs: 3000 });
	return gate;
}
