import { isLanguage, type Language } from '$lib/i18n/languages';
import { event } from '$lib/event/event';
import { isTranscriptPublished } from '$lib/server/captions/published';
import { transcriptBySegment } from '$lib/server/captions/transcript';
import type { PageServerLoad } from './$types';

// Read at the time of the request: organizers may still correct or hide lines.
export const prerender = false;

export const load: PageServerLoad = async ({ params, url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-cache' });
	const asked = url.searchParams.get('captions') ?? '';
	const captionsLang: Language = isLanguage(asked) ? asked : (params.lang as Language);
	if (!isTranscriptPublished()) return { captionsLang, isPublished: false, parts: [] };
	const parts = transcriptBySegment(await locals.store.captions.transcript(captionsLang), event.segments);
	return { captionsLang, isPublished: true, parts: parts.map(({ segment, lines }) => ({ segmentId: segment.id, lines: lines.map(({ id, text }) => ({ id, text })) })) };
};
