import { env } from '$env/dynamic/private';
import { event } from '$lib/event/event';
import { getStore } from '$lib/server/store';
import { startRetention } from './retention';
import type { QuestionStore } from './types';

let isRetentionStarted = false;

/** How many days questions and votes are kept (after the event, and after they were asked). */
export function retentionDays(): number {
	const days = Number(env.QUESTIONS_RETENTION_DAYS);
	return Number.isFinite(days) && days > 0 ? days : 30;
}

/** The site's questions store; its first use starts the retention purge. */
export function questionStore(): QuestionStore {
	const store = getStore().questions;
	if (!isRetentionStarted) {
		isRetentionStarted = true;
		const stop = startRetention(store, event.end, retentionDays());
		process.once('sveltekit:shutdown', stop);
	}
	return store;
}
