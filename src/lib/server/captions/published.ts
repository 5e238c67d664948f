import { env } from '$env/dynamic/private';
import { event } from '$lib/event/event';
import { isLanguage, type Language } from '$lib/i18n/languages';
import type { Store } from '../store/types';
import { toWebVtt } from './webvtt';

/** The transcript is public once the event is over (its lines may still be corrected or hidden after). */
export const isTranscriptPublished = (now: Date = new Date()) => now >= event.end;

/** `STREAM_START`: when the recorded stream begins, for the WebVTT file's times; the event's start by default. */
export function streamStart(): Date {
	const setting = env.STREAM_START ? new Date(env.STREAM_START) : undefined;
	return setting && !Number.isNaN(setting.getTime()) ? setting : event.start;
}

/** `GET /{lang}/transcript.vtt`: the language's final lines as WebVTT once the event is over; 404 before. */
export async function webVttResponse(store: Store, lang: string): Promise<Response> {
	if (!isLanguage(lang) || !isTranscriptPublished()) return new Response('No transcript yet: it is published after the event.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	const vtt = toWebVtt(await store.captions.transcript(lang as Language), streamStart());
	return new Response(vtt, { headers: { 'content-type': 'text/vtt; charset=utf-8', 'cache-control': 'no-cache', 'access-control-allow-origin': '*' } });
}
