import { event } from '$lib/event/event';
import { onScreen } from '$lib/questions/public';
import { publicSpeaking } from '$lib/server/speaking/public';
import { segmentOnNow } from '$lib/speaking/lower-third';
import { shownParts } from '$lib/speaking/overlay-parts';
import type { PageServerLoad } from './$types';

// What is on air must be right when the production software opens the page: rendered per request.
export const prerender = false;

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	// A tool's page, not one for search engines, nor for a shared cache (it is live).
	setHeaders({ 'x-robots-tag': 'noindex', 'cache-control': 'no-store' });
	const [{ count }, speaking, questions] = await Promise.all([locals.store.snapshot(), locals.store.speaking.current(), locals.store.questions.publicState()]);
	return {
		parts: shownParts(url.searchParams.get('show')),
		initial: { count, speaking: publicSpeaking(speaking), question: onScreen(questions), segmentId: segmentOnNow(event, new Date())?.id ?? null }
	};
};
