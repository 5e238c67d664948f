import type { QuestionStore } from './types';

const DAY_MS = 24 * 60 * 60_000;

/**
 * Questions and votes are kept `days` after the event and, once that has passed, `days` after they
 * were asked (a Q&A opened again later keeps its questions as long). Undefined: nothing to delete yet.
 */
export function retentionCutoff(now: Date, eventEnd: Date, days: number): Date | undefined {
	const keepFor = days * DAY_MS;
	if (now.getTime() < eventEnd.getTime() + keepFor) return undefined;
	return new Date(now.getTime() - keepFor);
}

/** Deletes what is past retention now and then every hour, in the background. */
export function startRetention(store: QuestionStore, eventEnd: Date, days: number, everyMs = 60 * 60_000): () => void {
	const run = () => {
		const cutoff = retentionCutoff(new Date(), eventEnd, days);
		if (cutoff) store.purge(cutoff).catch((error) => console.error('questions: retention purge failed', error));
	};
	run();
	const timer = setInterval(run, everyMs);
	timer.unref();
	return () => clearInterval(timer);
}
