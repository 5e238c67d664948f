import type { PageServerLoad } from './$types';

// Partner sites frame this page: the count is the one at the request, then the stream's.
export const prerender = false;

export const load: PageServerLoad = async ({ locals }) => {
	const { count, updatedAt } = await locals.store.snapshot();
	return { live: { count, updatedAt, latest: [] } };
};
