import { requestedTheme } from '$lib/display/theme';
import type { PageServerLoad } from './$types';

// Partner sites frame this page: the count is the one at the request, then the stream's.
export const prerender = false;

export const load: PageServerLoad = async ({ locals, url }) => {
	const { count, updatedAt } = await locals.store.snapshot();
	// ?theme=light|dark: the host page's scheme; the visitor's system's without it.
	return { live: { count, updatedAt, latest: [] }, theme: requestedTheme(url) };
};
